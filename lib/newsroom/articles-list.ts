import { getDatabase } from '../db/database';
import { selectChannels } from '../db/content-read';
import { listNewsroomArticles, selectAuthorChoices } from '../db/newsroom-articles';
import { isLocale, type Locale } from '../i18n/locales';
import { adminPaths } from '../staff/paths';
import { can, type StaffMember } from '../staff/roles';
import { isNewsroomState, type ListCursor, newsroomState, type NewsroomArticleRow, type NewsroomListFilter } from './list-types';

/*
 * The articles list at /admin/articles (issue 17; docs/decisions/0022-newsroom-articles-list.md):
 * its query string, its addresses, and the page's data. Every filter and page is a GET address,
 * so the list works without JavaScript and a filtered view can be shared.
 */

export const ARTICLES_PAGE_SIZE = 25;
/** Longer searches are cut: a headline is rarely longer, and the LIKE pattern stays small. */
const MAX_QUERY_LENGTH = 100;

export interface ArticlesListQuery extends Omit<NewsroomListFilter, 'ownDraftsOf'> {
  before?: ListCursor;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The list's filters from its query string; anything unknown is left out rather than refused. */
export function parseArticlesListQuery(params: SearchParams): ArticlesListQuery {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const q = one(params.q)?.trim().slice(0, MAX_QUERY_LENGTH);
  const state = one(params.status);
  const channel = one(params.channel);
  const locale = one(params.lang);
  const author = one(params.author);
  const before = /^([1-9]\d{0,15})-([1-9]\d{0,15})$/.exec(one(params.before) ?? '');
  return {
    q: q || undefined,
    state: isNewsroomState(state) ? state : undefined,
    channel: channel && /^[a-z0-9-]{1,64}$/.test(channel) ? channel : undefined,
    locale: isLocale(locale) ? locale : undefined,
    authorId: author && /^[1-9]\d{0,15}$/.test(author) ? Number(author) : undefined,
    before: before ? { ms: Number(before[1]), id: Number(before[2]) } : undefined,
  };
}

export function articlesListHref(query: ArticlesListQuery): string {
  const search = new URLSearchParams();
  if (query.q) search.set('q', query.q);
  if (query.state) search.set('status', query.state);
  if (query.channel) search.set('channel', query.channel);
  if (query.locale) search.set('lang', query.locale);
  if (query.authorId !== undefined) search.set('author', String(query.authorId));
  if (query.before) search.set('before', `${query.before.ms}-${query.before.id}`);
  const text = search.toString();
  return text ? `${adminPaths.articles}?${text}` : adminPaths.articles;
}

/**
 * Whose drafts a staff member may list: a reporter sees their own drafts and submissions and
 * everything that left the desk; an editor (who may edit any article) sees every draft.
 */
export function listScopeFor(staff: Pick<StaffMember, 'id' | 'role'>): Pick<NewsroomListFilter, 'ownDraftsOf'> {
  return can(staff.role, 'article.editAny') ? {} : { ownDraftsOf: staff.id };
}

export interface ArticlesListPage {
  rows: NewsroomArticleRow[];
  /** The next (older) page's query, when there is one. */
  older: ArticlesListQuery | null;
  channels: { slug: string; name: string }[];
  authors: { id: number; name: string }[];
  /** Whether the list leaves out other people's drafts (a reporter's). */
  ownDraftsOnly: boolean;
}

/** One page of the list for `staff`, with the choices its filters offer, named in `locale` (the staff member's). */
export async function getArticlesListPage(
  staff: Pick<StaffMember, 'id' | 'role'>,
  query: ArticlesListQuery,
  locale: Locale,
  now = Date.now(),
): Promise<ArticlesListPage> {
  const db = await getDatabase();
  const scope = listScopeFor(staff);
  const [page, channels, authors] = await Promise.all([
    listNewsroomArticles(db, { ...query, ...scope, now, limit: ARTICLES_PAGE_SIZE }),
    selectChannels(db, locale),
    selectAuthorChoices(db),
  ]);
  const last = page.rows.at(-1);
  return {
    rows: page.rows.map(({ status, submittedMs, ...row }) => ({ ...row, state: newsroomState({ status, submittedMs, publishedMs: row.publishedMs }, now) })),
    older: page.more && last ? { ...query, before: { ms: last.changedMs, id: last.id } } : null,
    channels: channels.map(({ slug, name }) => ({ slug, name })),
    authors: authors
      .map(({ id, name }) => ({ id, name: name[locale] || name.en }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    ownDraftsOnly: scope.ownDraftsOf !== undefined,
  };
}
