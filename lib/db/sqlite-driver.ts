import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/*
 * Kysely's SQLite dialect, with two changes this portal needs:
 * - every transaction is BEGIN IMMEDIATE: it takes the write lock when it starts, so two
 *   processes (the server and `npm run content`) that read and then write never deadlock
 *   upgrading their locks, and a check made inside the transaction still holds at its commit;
 * - statements are prepared once per connection and kept (Kysely's own driver prepares every
 *   query each time it runs), and tests can list them to check their plans.
 * SQLite has one connection per process; a mutex gives it to one query or transaction at a time.
 */

class SqliteConnection implements DatabaseConnection {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly handle: BetterSqlite3.Database) {}

  #prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.handle.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  preparedSql(): string[] {
    return [...this.#statements.keys()];
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('Only SELECT statements can be streamed');
    // A statement being iterated cannot run again until it finishes: stream from a fresh one.
    const statement = this.handle.prepare(query.sql);
    for (const row of statement.iterate(...(query.parameters as unknown[]))) yield { rows: [row as R] };
  }
}

class Mutex {
  #held: Promise<void> | null = null;
  #release: (() => void) | null = null;

  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => (this.#release = resolve));
  }

  unlock(): void {
    const release = this.#release;
    this.#held = null;
    this.#release = null;
    release?.();
  }
}

class SqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly connection: SqliteConnection;

  constructor(handle: BetterSqlite3.Database) {
    this.connection = new SqliteConnection(handle);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    this.connection.handle.close();
  }
}

class PortalSqliteAdapter extends SqliteAdapter {
  /** Read by engineOf (lib/db/database.ts). */
  readonly portalEngine = 'sqlite' as const;
}

export class PortalSqliteDialect implements Dialect {
  readonly driver: SqliteDriver;

  constructor(handle: BetterSqlite3.Database) {
    this.driver = new SqliteDriver(handle);
  }

  createDriver(): Driver {
    return this.driver;
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PortalSqliteAdapter();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
