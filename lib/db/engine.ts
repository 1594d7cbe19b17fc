import {
  type AliasedRawBuilder,
  type Expression,
  type JoinReferenceExpression,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  type SelectQueryBuilderWithInnerJoin,
  sql,
  type TableExpression,
} from 'kysely';
import { type Database, engineOf } from './database';
import type { Schema } from './schema';

/*
 * The few places where SQLite and PostgreSQL need different SQL, each behind one function, so
 * the query modules read the same on both engines.
 */

/**
 * Runs `work` in one write transaction and returns what it returns. SQLite: BEGIN IMMEDIATE
 * (lib/db/sqlite-driver.ts), so the whole database is this transaction's until it ends.
 * PostgreSQL: the transaction first takes the advisory lock named `lock`, so two instances
 * running the same check-then-write (is this slug free? has this form been sent?) run it one
 * after the other. Inside a transaction already, `work` joins it.
 */
export async function writeTransaction<T>(
  db: Database,
  lock: string,
  work: (trx: Database) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) {
    if (engineOf(db) === 'postgres') await advisoryLock(db, lock);
    return work(db);
  }
  return db.transaction().execute(async (trx) => {
    if (engineOf(trx) === 'postgres') await advisoryLock(trx, lock);
    return work(trx);
  });
}

async function advisoryLock(trx: Database, lock: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${lock}))`.execute(trx);
}

/** A unique index refused a row: which one, as the engine names it (`articles.slug`, `articles_locale_slug_key`). */
export function uniqueViolation(error: unknown): { detail: string } | null {
  // Not `instanceof Error`: a native addon's errors may come from another realm (jest's sandbox).
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint, message = '' } = error as { code?: unknown; constraint?: string; message?: string };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { detail: message };
  if (code === '23505') return { detail: `${constraint ?? ''} ${message}` };
  return null;
}

/** The values of `expression` over a group, joined with commas. */
export function groupConcat(db: Database, expression: Expression<string>): RawBuilder<string | null> {
  return engineOf(db) === 'postgres' ? sql`string_agg(${expression}, ',')` : sql`group_concat(${expression})`;
}

/** A LIKE pattern that matches `text` literally anywhere: %, _ and the escape character lose their meaning. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `expression` contains `text`, ignoring case (SQLite's LIKE ignores ASCII case; PostgreSQL needs ILIKE). */
export function containsText(db: Database, expression: Expression<string>, text: string): RawBuilder<boolean> {
  const pattern = likeContains(text);
  return engineOf(db) === 'postgres'
    ? sql<boolean>`${expression} ILIKE ${pattern} ESCAPE '\\'`
    : sql<boolean>`${expression} LIKE ${pattern} ESCAPE '\\'`;
}

/** PostgreSQL's classes and codes for "the server is not there": connection exceptions, shutting down, starting up. */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * Whether an error says the database cannot be reached right now (PostgreSQL stopped, restarting,
 * unreachable, out of connections; SQLite locked by another process beyond the busy timeout),
 * as opposed to a query that is wrong: the caller answers 503 and the visitor may try again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message = '' } = error as { code?: unknown; message?: string };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code === 'SQLITE_BUSY')) return true;
  // node-postgres's own wording when the pool cannot connect in time or a connection dies mid-query.
  return /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error/.test(message);
}

/*
 * Planner hints. SQLite has no statistics here (no ANALYZE is run), so on a few queries it
 * would pick an index or a join order that reads a whole locale; the hints below hold it to
 * the plan tests/unit/query-plans.test.ts expects. PostgreSQL plans from its statistics and
 * has no such syntax: there the hints are left out.
 */

/**
 * `table AS alias`, read through `index` on SQLite (INDEXED BY, which fails loudly should the
 * index ever be dropped); plain `table AS alias` on PostgreSQL.
 */
export function indexedBy<T extends keyof Schema & string, A extends string>(
  db: Database,
  table: T,
  alias: A,
  index: string,
): AliasedRawBuilder<Selectable<Schema[T]>, A> {
  const name = engineOf(db) === 'postgres' ? sql.id(alias) : sql`${sql.id(alias)} INDEXED BY ${sql.id(index)}`;
  return sql<Selectable<Schema[T]>>`${sql.table(table)}`.as<A>(name);
}

/**
 * `qb` joined to `table` on k1 = k2, read in the order written: `qb`'s tables first, then one
 * probe of `table` per row. SQLite keeps that order for a CROSS JOIN (the condition moves to
 * WHERE: the same rows); PostgreSQL gets an inner join and orders it from its statistics.
 */
export function joinInOrder<
  DB,
  TB extends keyof DB,
  O,
  TE extends TableExpression<DB, TB>,
  K1 extends JoinReferenceExpression<DB, TB, TE>,
  K2 extends JoinReferenceExpression<DB, TB, TE>,
>(db: Database, qb: SelectQueryBuilder<DB, TB, O>, table: TE, k1: K1, k2: K2): SelectQueryBuilderWithInnerJoin<DB, TB, O, TE> {
  if (engineOf(db) === 'postgres') return qb.innerJoin(table, k1, k2);
  const crossed = qb.crossJoin(table) as unknown as SelectQueryBuilder<DB, TB, O>;
  // The references were checked against the joined tables above; whereRef cannot see that.
  return crossed.whereRef(k1 as never, '=', k2 as never) as unknown as SelectQueryBuilderWithInnerJoin<DB, TB, O, TE>;
}
