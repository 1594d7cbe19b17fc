/**
 * Versioned schema, one history for both engines. Each entry runs once, in order, inside a
 * transaction. SQLite's `user_version` records how many have been applied (as it always has);
 * PostgreSQL's `schema_migrations` table does, under an advisory lock (migrate.ts). Entries 1 to
 * 5 shipped as SQLite SQL before PostgreSQL was supported; their PostgreSQL text (postgres.ts)
 * builds the same tables with that engine's types. Never edit an entry that has shipped: add a
 * new one, to both lists.
 */
export const sqliteMigrations: readonly string[] = [
  // 1: the content model
  `
  CREATE TABLE channels (
    slug            TEXT PRIMARY KEY,
    position        INTEGER NOT NULL,
    name_en         TEXT NOT NULL,
    name_zh         TEXT NOT NULL,
    description_en  TEXT NOT NULL DEFAULT '',
    description_zh  TEXT NOT NULL DEFAULT ''
  ) STRICT;

  CREATE TABLE authors (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name_en  TEXT NOT NULL,
    name_zh  TEXT NOT NULL,
    bio_en   TEXT NOT NULL DEFAULT '',
    bio_zh   TEXT NOT NULL DEFAULT ''
  ) STRICT;

  CREATE TABLE tags (
    id      INTEGER PRIMARY KEY,
    locale  TEXT NOT NULL CHECK (locale IN ('en', 'zh')),
    slug    TEXT NOT NULL,
    name    TEXT NOT NULL,
    UNIQUE (locale, slug)
  ) STRICT;

  CREATE TABLE articles (
    id                 INTEGER PRIMARY KEY,
    external_id        TEXT NOT NULL UNIQUE,
    locale             TEXT NOT NULL CHECK (locale IN ('en', 'zh')),
    channel            TEXT NOT NULL REFERENCES channels (slug),
    slug               TEXT NOT NULL,
    headline           TEXT NOT NULL,
    series             TEXT,
    summary            TEXT NOT NULL,
    body_html          TEXT NOT NULL,
    image_src          TEXT,
    image_alt          TEXT NOT NULL DEFAULT '',
    image_caption      TEXT NOT NULL DEFAULT '',
    image_credit       TEXT NOT NULL DEFAULT '',
    image_width        INTEGER,
    image_height       INTEGER,
    -- ISO 8601 with the offset the newsroom gave, plus epoch milliseconds for ordering
    published_at       TEXT NOT NULL,
    published_ms       INTEGER NOT NULL,
    updated_at         TEXT,
    updated_ms         INTEGER,
    status             TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
    translation_group  TEXT NOT NULL,
    created_ms         INTEGER NOT NULL,
    modified_ms        INTEGER NOT NULL,
    UNIQUE (locale, slug)
  ) STRICT;

  -- channel pages and load-more: newest first within one locale and channel
  CREATE INDEX articles_by_channel ON articles (locale, channel, status, published_ms DESC, id DESC);
  -- home page and feeds: newest first within one locale
  CREATE INDEX articles_by_locale ON articles (locale, status, published_ms DESC, id DESC);
  CREATE INDEX articles_by_translation ON articles (translation_group, locale);

  CREATE TABLE article_authors (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES authors (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX article_authors_by_author ON article_authors (author_id, article_id);

  CREATE TABLE article_tags (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

  -- slugs an article was published under before; they redirect to the current one
  CREATE TABLE article_slug_history (
    locale      TEXT NOT NULL,
    slug        TEXT NOT NULL,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (locale, slug)
  ) STRICT, WITHOUT ROWID;
  `,
  // 2: sitemaps walk a locale's published articles in id order (stable keyset chunks); the
  // index also carries the times, so planning the chunks never reads the table itself
  `
  CREATE INDEX articles_by_locale_id ON articles (locale, status, id, published_ms, updated_ms);
  `,
  // 3: article views for the most-read lists, counted per day (Asia/Shanghai), with statistics
  // consent only; nothing about the reader is stored
  `
  CREATE TABLE article_views (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day         INTEGER NOT NULL,  -- days since 1970-01-01 in Shanghai time
    views       INTEGER NOT NULL,
    PRIMARY KEY (article_id, day)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX article_views_by_day ON article_views (day, article_id, views);
  `,
  // 4: messages from readers ("Leaving a message"), staff accounts and sessions, sign-in
  // throttling, and the outbox that notifies staff by email
  `
  CREATE TABLE contact_messages (
    id                 INTEGER PRIMARY KEY,
    reference          TEXT NOT NULL UNIQUE,
    -- the form's one-time token: a retried submission finds its first copy
    idempotency_key    TEXT NOT NULL UNIQUE,
    received_ms        INTEGER NOT NULL,
    locale             TEXT NOT NULL CHECK (locale IN ('en', 'zh')),
    name               TEXT NOT NULL,
    email              TEXT NOT NULL,
    topic              TEXT NOT NULL CHECK (topic IN ('general', 'tip', 'correction', 'partnership', 'technical')),
    message            TEXT NOT NULL,
    consent_ms         INTEGER NOT NULL,
    policy_version     TEXT NOT NULL,
    ip_hash            TEXT NOT NULL,
    user_agent         TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'read', 'replied', 'spam')),
    status_changed_ms  INTEGER
  ) STRICT;
  CREATE INDEX contact_messages_by_time ON contact_messages (received_ms DESC, id DESC);
  CREATE INDEX contact_messages_by_status ON contact_messages (status, received_ms DESC, id DESC);
  -- the per-visitor rate limit counts one visitor's recent messages
  CREATE INDEX contact_messages_by_ip ON contact_messages (ip_hash, received_ms);

  CREATE TABLE staff (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash  TEXT NOT NULL,
    created_ms     INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE staff_sessions (
    token_hash  TEXT PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_ms  INTEGER NOT NULL,
    expires_ms  INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE sign_in_failures (
    key    TEXT NOT NULL,
    at_ms  INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, at_ms);

  CREATE TABLE mail_outbox (
    id               INTEGER PRIMARY KEY,
    message_id       INTEGER REFERENCES contact_messages (id) ON DELETE CASCADE,
    recipients       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_ms       INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms  INTEGER NOT NULL,
    sent_ms          INTEGER,
    last_error       TEXT
  ) STRICT;
  CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_ms) WHERE sent_ms IS NULL;
  `,
  // 5: a story has at most one version per language (hreflang pairs stay reciprocal, issue 14).
  // Groups that already hold two versions of one language keep the first (lowest id: the one
  // article pages showed as the translation); the others leave, each into a group of its own
  // newsroom id. Then the translation index becomes unique (same name: queries name it).
  `
  UPDATE articles SET translation_group = external_id
   WHERE EXISTS (SELECT 1 FROM articles b
                  WHERE b.translation_group = articles.translation_group
                    AND b.locale = articles.locale AND b.id < articles.id);
  DROP INDEX articles_by_translation;
  CREATE UNIQUE INDEX articles_by_translation ON articles (translation_group, locale);
  `,
  // 6: content changes, in order, for every process serving the database (several instances,
  // or a command such as the content import): each refreshes its own caches from them. `key`
  // makes an event recorded by several instances at once (an article coming due) one row.
  `
  CREATE TABLE content_changes (
    id       INTEGER PRIMARY KEY,
    at_ms    INTEGER NOT NULL,
    key      TEXT UNIQUE,
    payload  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX content_changes_by_time ON content_changes (at_ms);
  `,
  // 7: search (issue 16, docs/decisions/0019-search.md). search_documents holds each article's
  // analyzed text (lib/search/analyze.ts: tokens joined by spaces), written with the article;
  // search_fts indexes it (external content, kept in step by the triggers, so a delete needs no
  // copy of the old text from the writer). unicode61 only splits on the spaces the analyzer
  // left: the tokens are already stemmed, folded and segmented. Existing articles are analyzed
  // by lib/search/indexing.ts (ensureSearchIndex) at start and at the first search.
  `
  CREATE TABLE search_documents (
    article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    headline    TEXT NOT NULL,
    summary     TEXT NOT NULL,
    body        TEXT NOT NULL
  ) STRICT;
  -- A search checks each match's locale, status, time and channel: read here by id, not from
  -- the article row, whose body stands before them (lib/db/search.ts).
  CREATE INDEX articles_search_filter ON articles (id, locale, status, published_ms, channel);
  CREATE VIRTUAL TABLE search_fts USING fts5 (
    headline, summary, body,
    content = 'search_documents', content_rowid = 'article_id',
    tokenize = 'unicode61 remove_diacritics 0'
  );
  CREATE TRIGGER search_documents_insert AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts (rowid, headline, summary, body) VALUES (new.article_id, new.headline, new.summary, new.body);
  END;
  CREATE TRIGGER search_documents_delete AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, headline, summary, body) VALUES ('delete', old.article_id, old.headline, old.summary, old.body);
  END;
  CREATE TRIGGER search_documents_update AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, headline, summary, body) VALUES ('delete', old.article_id, old.headline, old.summary, old.body);
    INSERT INTO search_fts (rowid, headline, summary, body) VALUES (new.article_id, new.headline, new.summary, new.body);
  END;
  `,
  // 8: newsroom roles (issue 17). Accounts made before roles existed could do everything, so
  // they become admins (the column default, which only ever fills rows that predate it: every
  // insert names its role). Invitations keep only a token's hash; the audit log keeps the
  // actor's address beside the id, so an entry still says who after the account is removed.
  // Self-contained: it touches only the staff tables (renumbering it is moving this entry).
  `
  ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'admin' CHECK (role IN ('reporter', 'editor', 'admin'));
  ALTER TABLE staff ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh'));
  ALTER TABLE staff ADD COLUMN disabled_ms INTEGER;
  ALTER TABLE staff ADD COLUMN last_sign_in_ms INTEGER;
  ALTER TABLE staff ADD COLUMN invited_by INTEGER REFERENCES staff (id) ON DELETE SET NULL;

  CREATE TABLE staff_invitations (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    email        TEXT NOT NULL COLLATE NOCASE,
    role         TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),
    invited_by   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    created_ms   INTEGER NOT NULL,
    expires_ms   INTEGER NOT NULL,
    accepted_ms  INTEGER,
    revoked_ms   INTEGER
  ) STRICT;
  CREATE INDEX staff_invitations_by_time ON staff_invitations (created_ms DESC, id DESC);

  CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at_ms         INTEGER NOT NULL,
    actor_id      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    actor_email   TEXT,
    action        TEXT NOT NULL,
    subject_type  TEXT,
    subject_id    TEXT,
    detail        TEXT NOT NULL DEFAULT '{}'
  ) STRICT;
  -- newest first (ids grow with time), the whole log or one action, one actor, one subject
  CREATE INDEX audit_log_by_action ON audit_log (action, id DESC);
  CREATE INDEX audit_log_by_actor ON audit_log (actor_id, id DESC);
  CREATE INDEX audit_log_by_subject ON audit_log (subject_type, subject_id, id DESC);
  `,
  // 9: the newsroom's articles list (issue 17; docs/decisions/0022-newsroom-articles-list.md).
  // "In review" is a draft someone submitted: status stays 'draft' (so every reader query, which
  // asks for 'published' and due, leaves it out with nothing new to check) and submitted_ms
  // says when. Who made the article and who last changed it in the newsroom: NULL for what the
  // ingest API and imports write. The list reads newest change first, all or one status.
  `
  ALTER TABLE articles ADD COLUMN submitted_ms INTEGER;
  ALTER TABLE articles ADD COLUMN created_by_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL;
  ALTER TABLE articles ADD COLUMN updated_by_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL;
  CREATE INDEX articles_by_modified ON articles (modified_ms DESC, id DESC);
  CREATE INDEX articles_by_status_modified ON articles (status, modified_ms DESC, id DESC);
  `,
];
