import type { ArticlePage } from '@/lib/content/pages';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { PageShell } from '../layout/PageShell';
import { JsonLd } from '../seo/JsonLd';
import { ArticleView } from './ArticleView';

/** An article page: the story, related stories, and NewsArticle + BreadcrumbList data. */
export function ArticlePageView({ data }: { data: ArticlePage }) {
  const { article, channel } = data;
  return (
    <PageShell locale={data.locale} activeChannel={article.channel} languageTarget={data.language}>
      <ArticleView article={article} bodyHtml={data.bodyHtml} channel={channel} related={data.related} />
      <JsonLd data={[newsArticleJsonLd(article, channel), breadcrumbJsonLd(data.crumbs)]} />
    </PageShell>
  );
}
