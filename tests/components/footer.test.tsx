import { screen, within } from '@testing-library/react';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { site } from '@/lib/site';
import { renderIn } from './render';

describe('SiteFooter', () => {
  it('has the site links, inquiries email, hotline, ICP and licence numbers in English', () => {
    renderIn('en', <SiteFooter locale="en" site={site} year={2026} />);
    const footer = screen.getByRole('contentinfo');
    const nav = within(footer).getByRole('navigation', { name: 'Site information' });
    expect(within(nav).getByRole('link', { name: 'About Us' })).toHaveAttribute('href', '/en/about');
    expect(within(nav).getByRole('link', { name: 'Contact Us' })).toHaveAttribute('href', '/en/contact');
    expect(within(nav).getByRole('link', { name: 'Privacy Statement & Cookie Policy' })).toHaveAttribute('href', '/en/privacy');
    expect(within(nav).getByRole('link', { name: 'Terms of Use' })).toHaveAttribute('href', '/en/terms');
    expect(within(footer).getByRole('link', { name: 'service@ichongqing.info' })).toHaveAttribute(
      'href',
      'mailto:service@ichongqing.info',
    );
    expect(footer).toHaveTextContent(
      'Internet illegal and undesirable information can be reported by calling this telephone number: +86-23-67230470',
    );
    const icp = within(footer).getByRole('link', { name: /渝ICP备20009753号/ });
    expect(icp).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
    expect(icp).toHaveAttribute('target', '_blank');
    expect(icp.getAttribute('rel')).toContain('noopener');
    expect(footer).toHaveTextContent('互联网新闻信息服务许可证号:50120220004');
  });

  it('is in Chinese on Chinese pages, with the same numbers', () => {
    renderIn('zh', <SiteFooter locale="zh" site={site} year={2026} />);
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: '关于我们' })).toHaveAttribute('href', '/zh/about');
    expect(within(footer).getByRole('link', { name: '联系我们' })).toHaveAttribute('href', '/zh/contact');
    expect(within(footer).getByRole('link', { name: '隐私声明与Cookie政策' })).toHaveAttribute('href', '/zh/privacy');
    expect(within(footer).getByRole('link', { name: '使用条款' })).toHaveAttribute('href', '/zh/terms');
    expect(footer).toHaveTextContent('违法和不良信息举报电话：+86-23-67230470');
    expect(footer).toHaveTextContent('如有任何疑问，请发送电子邮件至 service@ichongqing.info');
    expect(within(footer).getByRole('link', { name: /渝ICP备20009753号/ })).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
    expect(footer).not.toHaveTextContent(/Internet illegal|About Us|Terms of Use/);
  });

  it('shows another publication its own identity from the site configuration', () => {
    const other = { ...site, email: 'desk@example.org', hotline: '+86-10-1234', icp: { number: '京ICP备1号', url: 'https://example.org/icp' } };
    renderIn('en', <SiteFooter locale="en" site={other} year={2026} />);
    expect(screen.getByRole('link', { name: 'desk@example.org' })).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('+86-10-1234');
    expect(screen.getByRole('link', { name: /京ICP备1号/ })).toHaveAttribute('href', 'https://example.org/icp');
  });
});
