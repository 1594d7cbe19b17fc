import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import type { SearchHit } from '@/lib/search/types';
import { FormattedDate } from '../ui/FormattedDate';
import { MarkedText } from './MarkedText';

/** One result: the headline (a link to the article) and snippet with matched words marked, then channel, date and authors. */
export function SearchHitItem({ locale, hit }: { locale: Locale; hit: SearchHit }) {
  const t = useTranslations('Search');
  const { article } = hit;
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return (
    <article>
      <h3 className="text-lg font-bold leading-snug">
        <a href={paths.article(article.locale, article.channel, article.slug)} className="text-brand-900 underline-offset-2 hover:underline">
          <MarkedText runs={hit.headline} />
        </a>
      </h3>
      {hit.snippet.length > 0 ? (
        <p className="mt-1 leading-relaxed text-ink-800">
          <MarkedText runs={hit.snippet} />
        </p>
      ) : null}
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-ink-600">
        <a href={paths.channel(article.locale, article.channel)} className="font-semibold text-ink-700 underline underline-offset-2">
          {hit.channelName}
        </a>
        <FormattedDate locale={locale} value={article.publishedAt} />
        {hit.authors.length > 0 ? <span>{t('byline', { authors: list.format(hit.authors) })}</span> : null}
      </p>
    </article>
  );
}
