/**
 * npm run db:copy -- --to postgres://user@host:5432/portal [--from FILE|postgres://…]
 *   copies every table of the site's database (DATABASE_URL, else the SQLite file at
 *   DATABASE_PATH; or --from) into an empty database (a PostgreSQL URL, or a SQLite file path),
 *   keeping ids, in one transaction; then prints each table's row count and checksum on both
 *   sides. Stop the site (or its writes) while it runs: rows written meanwhile are not copied.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb, openDatabase } from '../lib/db/connection';
import { copyDatabase, TargetNotEmptyError } from '../lib/db/copy';
import { closeDatabase, type Database, getDatabase, migratePostgres, postgresDatabase, sqliteDatabase } from '../lib/db/database';

const USAGE = 'usage: npm run db:copy -- --to postgres://user@host:5432/name [--from FILE|postgres://…]';

async function open(location: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const db = postgresDatabase(location, { poolSize: 2 });
    await migratePostgres(db);
    return db;
  }
  return sqliteDatabase(openDatabase(path.resolve(location)));
}

/** The URL without its password, for printing. */
function shown(location: string): string {
  return location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
  if (!values.to) {
    console.error(USAGE);
    return 2;
  }
  const source = values.from ? await open(values.from) : await getDatabase();
  const target = await open(values.to);
  console.log(`copying ${values.from ? shown(values.from) : 'the site database'} → ${shown(values.to)}`);
  console.log(`${'table'.padEnd(22)} ${'rows'.padStart(8)} ${'copied'.padStart(8)}  source checksum   target checksum`);
  let mismatches = 0;
  let total = 0;
  try {
    await copyDatabase(source, target, (report) => {
      const same = report.sourceRows === report.targetRows && report.sourceChecksum === report.targetChecksum;
      if (!same) mismatches += 1;
      total += report.targetRows;
      console.log(
        `${report.table.padEnd(22)} ${String(report.sourceRows).padStart(8)} ${String(report.targetRows).padStart(8)}  ${report.sourceChecksum}  ${report.targetChecksum}${same ? '' : '  DIFFERENT'}`,
      );
    });
  } catch (error) {
    if (error instanceof TargetNotEmptyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await target.destroy();
    if (values.from) await source.destroy();
    await closeDatabase();
    closeDb();
  }
  console.log(mismatches ? `${mismatches} table(s) differ` : `copied ${total} rows; every table's rows and checksum match`);
  return mismatches ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
