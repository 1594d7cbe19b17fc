import type { ColumnType, Generated } from 'kysely';

/*
 * The tables as the query builder sees them (migrations.ts creates them on both engines).
 * Times are epoch milliseconds (INTEGER in SQLite, BIGINT in PostgreSQL, read back as numbers);
 * the ISO strings the newsroom sent are kept beside them as text.
 */

type Id = Generated<number>;

export interface ChannelsTable {
  slug: string;
  position: number;
  name_en: string;
  name_zh: string;
  description_en: ColumnType<string, string | undefined, string>;
  description_zh: ColumnType<string, string | undefined, string>;
}

export interface AuthorsTable {
  id: Id;
  slug: string;
  name_en: string;
  name_zh: string;
  bio_en: ColumnType<string, string | undefined, string>;
  bio_zh: ColumnType<string, string | undefined, string>;
}

export interface TagsTable {
  id: Id;
  locale: 'en' | 'zh';
  slug: string;
  name: string;
}

export type ArticleStatus = 'draft' | 'published' | 'withdrawn';

export interface ArticlesTable {
  id: Id;
  external_id: string;
  locale: 'en' | 'zh';
  channel: string;
  slug: string;
  headline: string;
  series: string | null;
  summary: string;
  body_html: string;
  image_src: string | null;
  image_alt: ColumnType<string, string | undefined, string>;
  image_caption: ColumnType<string, string | undefined, string>;
  image_credit: ColumnType<string, string | undefined, string>;
  image_width: number | null;
  image_height: number | null;
  published_at: string;
  published_ms: number;
  updated_at: string | null;
  updated_ms: number | null;
  status: ArticleStatus;
  translation_group: string;
  created_ms: number;
  modified_ms: number;
  /** A draft submitted for review (migration 9): when; NULL for a draft still being written. */
  submitted_ms: ColumnType<number | null, number | null | undefined, number | null>;
  /** The staff account that made it or last changed it in the newsroom; NULL for the ingest API and imports. */
  created_by_staff_id: ColumnType<number | null, number | null | undefined, number | null>;
  updated_by_staff_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
}

export interface ArticleSlugHistoryTable {
  locale: 'en' | 'zh';
  slug: string;
  article_id: number;
}

export interface ArticleViewsTable {
  article_id: number;
  day: number;
  views: number;
}

export type MessageStatusColumn = 'new' | 'read' | 'replied' | 'spam';

export interface ContactMessagesTable {
  id: Id;
  reference: string;
  idempotency_key: string;
  received_ms: number;
  locale: string;
  name: string;
  email: string;
  topic: string;
  message: string;
  consent_ms: number;
  policy_version: string;
  ip_hash: string;
  user_agent: ColumnType<string, string | undefined, string>;
  status: ColumnType<MessageStatusColumn, MessageStatusColumn | undefined, MessageStatusColumn>;
  status_changed_ms: number | null;
}

export type StaffRoleColumn = 'reporter' | 'editor' | 'admin';

export interface StaffTable {
  id: Id;
  email: string;
  password_hash: string;
  created_ms: number;
  role: ColumnType<StaffRoleColumn, StaffRoleColumn | undefined, StaffRoleColumn>;
  locale: ColumnType<'en' | 'zh', 'en' | 'zh' | undefined, 'en' | 'zh'>;
  disabled_ms: ColumnType<number | null, number | null | undefined, number | null>;
  last_sign_in_ms: ColumnType<number | null, number | null | undefined, number | null>;
  invited_by: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface StaffInvitationsTable {
  id: Id;
  token_hash: string;
  email: string;
  role: StaffRoleColumn;
  invited_by: number | null;
  created_ms: number;
  expires_ms: number;
  accepted_ms: ColumnType<number | null, number | null | undefined, number | null>;
  revoked_ms: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface AuditLogTable {
  id: Id;
  at_ms: number;
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: ColumnType<string, string | undefined, string>;
}

export interface StaffSessionsTable {
  token_hash: string;
  staff_id: number;
  created_ms: number;
  expires_ms: number;
}

export interface SignInFailuresTable {
  key: string;
  at_ms: number;
}

export interface MailOutboxTable {
  id: Id;
  message_id: number | null;
  recipients: string;
  subject: string;
  body: string;
  created_ms: number;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_ms: number;
  sent_ms: number | null;
  last_error: string | null;
}

export interface ContentChangesTable {
  id: Id;
  at_ms: number;
  key: string | null;
  payload: string;
}

export interface Schema {
  channels: ChannelsTable;
  authors: AuthorsTable;
  tags: TagsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_slug_history: ArticleSlugHistoryTable;
  article_views: ArticleViewsTable;
  contact_messages: ContactMessagesTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  staff_invitations: StaffInvitationsTable;
  audit_log: AuditLogTable;
  sign_in_failures: SignInFailuresTable;
  mail_outbox: MailOutboxTable;
  content_changes: ContentChangesTable;
}

/** Every table, parents before children: the order a copy fills them in (db:copy) and a test empties them in reverse. */
export const TABLES: readonly (keyof Schema)[] = [
  'channels',
  'authors',
  'tags',
  'articles',
  'article_authors',
  'article_tags',
  'article_slug_history',
  'article_views',
  'contact_messages',
  'staff',
  'staff_sessions',
  'staff_invitations',
  'audit_log',
  'sign_in_failures',
  'mail_outbox',
  'content_changes',
];

/** Each table's key (or, for sign_in_failures, which has none, all its columns): the order rows are copied and checksummed in. */
export const TABLE_ORDER: Readonly<Record<keyof Schema, readonly string[]>> = {
  channels: ['slug'],
  authors: ['id'],
  tags: ['id'],
  articles: ['id'],
  article_authors: ['article_id', 'author_id'],
  article_tags: ['article_id', 'tag_id'],
  article_slug_history: ['locale', 'slug'],
  article_views: ['article_id', 'day'],
  contact_messages: ['id'],
  staff: ['id'],
  staff_sessions: ['token_hash'],
  staff_invitations: ['id'],
  audit_log: ['id'],
  sign_in_failures: ['key', 'at_ms'],
  mail_outbox: ['id'],
  content_changes: ['id'],
};

/** Tables whose `id` the database assigns (an identity column in PostgreSQL). */
export const GENERATED_IDS: readonly (keyof Schema)[] = [
  'authors',
  'tags',
  'articles',
  'contact_messages',
  'staff',
  'staff_invitations',
  'audit_log',
  'mail_outbox',
  'content_changes',
];
