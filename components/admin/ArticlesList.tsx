import Link from 'next/link';
import type { ArticlesListPage, ArticlesListQuery } from '@/lib/newsroom/articles-list';
import { articlesListHref } from '@/lib/newsroom/articles-list';
import { NEWSROOM_STATES, type NewsroomArticleRow } from '@/lib/newsroom/list-types';
import { locales } from '@/lib/i18n/locales';
import { adminFormatter, adminTranslations } from '@/lib/staff/i18n';
import { adminPaths } from '@/lib/staff/paths';
import { FormField, SelectOptions } from '../ui/FormField';
import { ADMIN_CELL, AdminTable } from './AdminTable';
import { KeysetPagination } from './KeysetPagination';
import { TextField } from './TextField';

const select = 'mt-1 block min-h-11 rounded border border-ink-300 px-2 text-base';
const clearLink = 'inline-flex min-h-11 items-center rounded border border-ink-300 px-4 font-semibold hover:bg-ink-50';

/** One labelled filter: a select whose first, empty option stands for "any". */
function FilterSelect({
  id,
  name,
  label,
  value,
  empty,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  empty: string;
  options: { value: string; label: string }[];
}) {
  return (
    <FormField id={id} label={label}>
      {(control) => (
        <select {...control} name={name} defaultValue={value ?? ''} className={select}>
          <SelectOptions empty={empty} options={options} />
        </select>
      )}
    </FormField>
  );
}

/**
 * Search and filters: a GET form (works without JavaScript; a filtered view is an address to
 * share). Paging starts again from the newest whenever the filters change: the form carries no cursor.
 */
export async function ArticlesFilters({ query, page }: { query: ArticlesListQuery; page: Pick<ArticlesListPage, 'channels' | 'authors'> }) {
  const t = await adminTranslations();
  const filtered = Boolean(query.q || query.state || query.channel || query.locale || query.authorId !== undefined);
  const filters = [
    { name: 'status', label: t('articles.status'), value: query.state, empty: t('articles.anyStatus'), options: NEWSROOM_STATES.map((state) => ({ value: state, label: t(`articles.states.${state}`) })) },
    { name: 'channel', label: t('articles.channel'), value: query.channel, empty: t('articles.anyChannel'), options: page.channels.map(({ slug, name }) => ({ value: slug, label: name })) },
    { name: 'lang', label: t('articles.language'), value: query.locale, empty: t('articles.anyLanguage'), options: locales.map((locale) => ({ value: locale, label: t(`articles.languages.${locale}`) })) },
    {
      name: 'author',
      label: t('articles.author'),
      value: query.authorId === undefined ? undefined : String(query.authorId),
      empty: t('articles.anyAuthor'),
      options: page.authors.map(({ id, name }) => ({ value: String(id), label: name })),
    },
  ];
  return (
    <form method="get" action={adminPaths.articles} role="search" aria-label={t('articles.filters')} className="mt-6 flex flex-wrap items-end gap-4">
      <TextField id="articles-q" name="q" label={t('articles.search')} type="search" defaultValue={query.q} maxLength={100} className="min-w-56 flex-1" />
      {filters.map((filter) => (
        <FilterSelect key={filter.name} id={`articles-${filter.name}`} {...filter} />
      ))}
      <button type="submit" className="btn-primary">
        {t('articles.apply')}
      </button>
      {filtered ? (
        <Link href={adminPaths.articles} className={clearLink}>
          {t('articles.clear')}
        </Link>
      ) : null}
    </form>
  );
}

/** The articles, most recently changed first: state, language, channel, translation, who changed it and when. */
export async function ArticlesTable({ rows, channels }: { rows: NewsroomArticleRow[]; channels: ArticlesListPage['channels'] }) {
  const t = await adminTranslations();
  const format = await adminFormatter();
  if (rows.length === 0) return <p className="mt-8">{t('articles.empty')}</p>;
  const channelName = new Map(channels.map(({ slug, name }) => [slug, name]));
  const cell = ADMIN_CELL;
  return (
    <AdminTable
      caption={t('articles.caption')}
      headers={[
        t('articles.headline'),
        t('articles.status'),
        t('articles.language'),
        t('articles.channel'),
        t('articles.translation'),
        t('articles.lastChanged'),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <th scope="row" className={`${cell} min-w-56 font-normal`}>
            <span lang={row.locale === 'zh' ? 'zh-Hans' : 'en'} className="block font-semibold">
              {row.headline}
            </span>
            <span className="block break-all text-xs text-ink-700">{t('articles.address', { slug: row.slug })}</span>
          </th>
          <td className={`${cell} whitespace-nowrap`}>
            <span className="font-semibold">{t(`articles.states.${row.state}`)}</span>
            {row.state === 'scheduled' ? (
              <span className="block text-xs text-ink-700">{format.dateTime(row.publishedMs, { dateStyle: 'medium', timeStyle: 'short' })}</span>
            ) : null}
          </td>
          <td className={`${cell} whitespace-nowrap`}>{t(`articles.languages.${row.locale}`)}</td>
          <td className={`${cell} whitespace-nowrap`}>{channelName.get(row.channel) ?? row.channel}</td>
          <td className={`${cell} whitespace-nowrap`}>{row.hasTranslation ? t('articles.hasTranslation') : t('articles.noTranslation')}</td>
          <td className={`${cell} min-w-44`}>
            {t('articles.changedBy', {
              who: row.changedBy ?? t('articles.outsideNewsroom'),
              when: format.dateTime(row.changedMs, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

/** Back to the most recent articles, or on to older ones (keyset: a page stays put while articles are saved). */
export async function ArticlesPagination({ query, older }: { query: ArticlesListQuery; older: ArticlesListQuery | null }) {
  const t = await adminTranslations();
  return (
    <KeysetPagination
      label={t('articles.pagination')}
      newest={query.before ? { href: articlesListHref({ ...query, before: undefined }), label: t('articles.newest') } : null}
      older={older ? { href: articlesListHref(older), label: t('articles.older') } : null}
    />
  );
}
