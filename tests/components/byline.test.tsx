import { screen } from '@testing-library/react';
import { ArticleByline } from '@/components/article/ArticleByline';
import { renderIn } from './render';

const author = (name: string) => ({ slug: name.toLowerCase().replace(/\W+/g, '-'), name, bio: '' });

describe('ArticleByline', () => {
  it('reads "By NAME | Jan 13, 2023" in English, in Shanghai time', () => {
    // 23:30 UTC on the 12th is already the 13th in Shanghai.
    const { container } = renderIn(
      'en',
      <ArticleByline locale="en" authors={[author('Yuting Chen')]} publishedAt="2023-01-12T23:30:00Z" updatedAt={null} />,
    );
    expect(container.textContent).toBe('By Yuting Chen|Jan 13, 2023');
    expect(screen.getByText('Jan 13, 2023').tagName).toBe('TIME');
    expect(screen.getByText('Jan 13, 2023')).toHaveAttribute('datetime', '2023-01-12T23:30:00Z');
  });

  it('reads "作者：NAME | 2023年1月13日" in Chinese', () => {
    const { container } = renderIn(
      'zh',
      <ArticleByline locale="zh" authors={[author('陈雨婷')]} publishedAt="2023-01-13T09:00:00+08:00" updatedAt={null} />,
    );
    expect(container.textContent).toBe('作者：陈雨婷|2023年1月13日');
  });

  it('joins two authors and shows the update time when the article was edited', () => {
    const { container } = renderIn(
      'en',
      <ArticleByline
        locale="en"
        authors={[author('Li Wen'), author('Zhang Hao')]}
        publishedAt="2026-11-18T09:30:00+08:00"
        updatedAt="2026-11-18T15:10:00+08:00"
      />,
    );
    expect(container.textContent).toContain('By Li Wen and Zhang Hao');
    // Each name leads to the author's page.
    expect(screen.getByRole('link', { name: 'Li Wen' })).toHaveAttribute('href', '/en/authors/li-wen');
    expect(screen.getByRole('link', { name: 'Zhang Hao' })).toHaveAttribute('href', '/en/authors/zhang-hao');
    expect(container.textContent).toContain('Updated Nov 18, 2026, 15:10');
  });

  it('shows the update time in Chinese too', () => {
    const { container } = renderIn(
      'zh',
      <ArticleByline
        locale="zh"
        authors={[author('李雯'), author('张浩')]}
        publishedAt="2026-11-18T09:30:00+08:00"
        updatedAt="2026-11-18T15:10:00+08:00"
      />,
    );
    expect(container.textContent).toContain('作者：李雯、张浩');
    expect(screen.getByRole('link', { name: '李雯' })).toHaveAttribute('href', `/zh/authors/${author('李雯').slug}`);
    expect(container.textContent).toMatch(/更新于2026年11月18日 ?15:10/);
  });
});
