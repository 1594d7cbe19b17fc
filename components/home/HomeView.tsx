import { useTranslations } from 'next-intl';
import type { HomePageContent } from '@/lib/content/articles';
import type { ArticleSummary } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { ArticleCard } from '../section/ArticleCard';
import { ArticleList } from '../section/ArticleList';
import { ArticleShelf } from '../section/ArticleShelf';
import { MostRead } from '../section/MostRead';

/** Lead story, the most recent list beside it, then the latest of each channel. */
export function HomeView({
  locale,
  content,
  mostRead,
}: {
  locale: Locale;
  content: HomePageContent;
  mostRead: ArticleSummary[];
}) {
  const t = useTranslations('Home');
  return (
    <>
      <h1 className="sr-only">{t('title')}</h1>
      {content.lead ? (
        <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
          <section aria-labelledby="lead-heading">
            <h2 id="lead-heading" className="mb-3 text-sm font-bold uppercase tracking-widest text-accent-700">
              {t('leadStory')}
            </h2>
            <ArticleCard article={content.lead} size="lead" headingLevel={3} preloadImage />
          </section>
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading" className="mb-3 text-sm font-bold uppercase tracking-widest text-accent-700">
              {t('latest')}
            </h2>
            <ArticleList articles={content.latest} layout="stack" ordered />
          </section>
        </div>
      ) : (
        <p>{t('empty')}</p>
      )}
      <MostRead articles={mostRead} id="most-read" />
      {content.channels.map(({ channel, articles }) => (
        <ArticleShelf
          key={channel.slug}
          id={`channel-${channel.slug}`}
          title={
            <a href={paths.channel(locale, channel.slug)} className="hover:underline">
              {channel.name}
            </a>
          }
          articles={articles}
        >
          <p className="mt-5">
            <a href={paths.channel(locale, channel.slug)} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
              {t('moreFrom', { channel: channel.name })}
            </a>
          </p>
        </ArticleShelf>
      ))}
    </>
  );
}
