import { useTranslations } from 'next-intl';
import type { ArticleSummary, Channel } from '@/lib/content/types';
import { ArticleShelf } from '../section/ArticleShelf';

export function RelatedArticles({ channel, articles }: { channel: Channel; articles: ArticleSummary[] }) {
  const t = useTranslations('Article');
  if (articles.length === 0) return null;
  return <ArticleShelf id="related-heading" title={t('related', { channel: channel.name })} articles={articles} />;
}
