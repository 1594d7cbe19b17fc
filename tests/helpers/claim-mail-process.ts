/*
 * A second process sending staff mail from the same SQLite file, for the outbox race test:
 *   tsx tests/helpers/claim-mail-process.ts FILE NOW LEASE_UNTIL
 * Says `ready` once the database is open; when a line arrives on standard input, says
 * `draining`, claims due mail until none is left, prints the ids it claimed as one line of
 * JSON and exits.
 */
import readline from 'node:readline';
import { openDatabase } from '../../lib/db/connection';
import { sqliteDatabase } from '../../lib/db/database';
import { claimDueMail } from '../../lib/db/outbox';
import { drainDueMail } from './outbox-claims';

async function main(): Promise<void> {
  const [file, now, leaseUntil] = process.argv.slice(2);
  const db = sqliteDatabase(openDatabase(file!));
  // A first claim that finds nothing (nothing is due at 0) warms the code up, so that this
  // process claims at full speed from the start, as the test's own sender does.
  await claimDueMail(db, { now: 0, leaseUntil: 0, limit: 1 });
  process.stdout.write('ready\n');
  await new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
  process.stdout.write('draining\n');
  const ids = await drainDueMail(db, { now: Number(now), leaseUntil: Number(leaseUntil) });
  process.stdout.write(`${JSON.stringify(ids)}\n`);
  await db.destroy();
  process.exit(0);
}

void main();
