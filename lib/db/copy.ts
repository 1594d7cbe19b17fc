import crypto from 'node:crypto';
import { sql } from 'kysely';
import { type Database, engineOf } from './database';
import { GENERATED_IDS, TABLE_ORDER, TABLES, type Schema } from './schema';

/*
 * `npm run db:copy`: every row of every table from one database into an empty one of either
 * engine, in one transaction, keeping ids (so addresses, references and sessions stay valid).
 * Both sides are then read back in key order and checksummed the same way.
 */

export interface TableReport {
  table: keyof Schema;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
}

type Row = Record<string, unknown>;

/** The rows of a table in key order, a batch at a time (keyset paging would need per-table SQL; tables here fit OFFSET). */
async function* tableRows(db: Database, table: keyof Schema, batch = 2000): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += batch) {
    let query = db.selectFrom(table).selectAll();
    for (const column of TABLE_ORDER[table]) query = query.orderBy(sql.ref(column));
    const rows = (await query.limit(batch).offset(offset).execute()) as Row[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

/** A digest of a table's rows that does not depend on the engine: columns by name, numbers as numbers. */
export async function tableChecksum(db: Database, table: keyof Schema): Promise<{ rows: number; checksum: string }> {
  const hash = crypto.createHash('sha256');
  let rows = 0;
  for await (const batch of tableRows(db, table)) {
    for (const row of batch) {
      const entries = Object.keys(row)
        .sort()
        .map((column) => [column, row[column] ?? null]);
      hash.update(`${JSON.stringify(entries)}\n`);
      rows += 1;
    }
  }
  return { rows, checksum: hash.digest('hex').slice(0, 16) };
}

export class TargetNotEmptyError extends Error {
  constructor(readonly table: string) {
    super(`the target database is not empty (table ${table} has rows): copy only into an empty database`);
  }
}

/** Copies every table; throws TargetNotEmptyError, writing nothing, unless the target is empty. */
export async function copyDatabase(
  source: Database,
  target: Database,
  onTable: (report: TableReport) => void = () => undefined,
): Promise<TableReport[]> {
  await target.transaction().execute(async (trx) => {
    for (const table of TABLES) {
      const any = await trx.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
      if (any) throw new TargetNotEmptyError(table);
    }
    for (const table of TABLES) {
      for await (const rows of tableRows(source, table)) {
        // PostgreSQL takes at most 65,535 parameters in one statement.
        const perInsert = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
        for (let i = 0; i < rows.length; i += perInsert) {
          await trx.insertInto(table).values(rows.slice(i, i + perInsert) as never).execute();
        }
      }
    }
    if (engineOf(trx) === 'postgres') {
      // Rows came with their ids: move each identity past the highest, or the next insert collides.
      for (const table of GENERATED_IDS) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE((SELECT MAX(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(trx);
      }
    }
  });
  const reports: TableReport[] = [];
  for (const table of TABLES) {
    const [from, to] = await Promise.all([tableChecksum(source, table), tableChecksum(target, table)]);
    const report = { table, sourceRows: from.rows, targetRows: to.rows, sourceChecksum: from.checksum, targetChecksum: to.checksum };
    onTable(report);
    reports.push(report);
  }
  return reports;
}
