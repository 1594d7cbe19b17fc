import { screen } from '@testing-library/react';
import { LanguageSwitch } from '@/components/layout/LanguageSwitch';
import { renderIn } from './render';

describe('LanguageSwitch', () => {
  it('on an English article, links to its Chinese version, labelled in Chinese', () => {
    renderIn('en', <LanguageSwitch target={{ locale: 'zh', href: '/zh/news/river-story', kind: 'translation' }} />);
    const link = screen.getByRole('link', { name: '阅读中文版' });
    expect(link).toHaveAttribute('href', '/zh/news/river-story');
    expect(link).toHaveAttribute('lang', 'zh-Hans');
    expect(link).toHaveAttribute('hreflang', 'zh-Hans');
    expect(link).toHaveTextContent('中文');
  });

  it('on a Chinese article, links to its English version, labelled in English', () => {
    renderIn('zh', <LanguageSwitch target={{ locale: 'en', href: '/en/news/river-story', kind: 'translation' }} />);
    const link = screen.getByRole('link', { name: 'Read in English' });
    expect(link).toHaveAttribute('href', '/en/news/river-story');
    expect(link).toHaveAttribute('lang', 'en');
    expect(link).toHaveTextContent('English');
  });

  it('says it goes to the channel when the story has no translation', () => {
    renderIn('zh', <LanguageSwitch target={{ locale: 'en', href: '/en/news', kind: 'channel' }} />);
    expect(screen.getByRole('link', { name: 'This channel in English' })).toHaveAttribute('href', '/en/news');
  });

  it('says it goes to the home page from the home page', () => {
    renderIn('en', <LanguageSwitch target={{ locale: 'zh', href: '/zh', kind: 'home' }} />);
    expect(screen.getByRole('link', { name: '中文首页' })).toHaveAttribute('href', '/zh');
  });
});
