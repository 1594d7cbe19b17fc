import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Database } from '../../lib/db/database';
import { claimDueMail } from '../../lib/db/outbox';

/* Senders racing for the outbox (tests/unit/outbox.test.ts). Relative imports: a tsx process runs this too. */

export interface ClaimParams {
  now: number;
  leaseUntil: number;
}

/** Claims due mail one at a time until none is left for this sender; the ids it got. */
export async function drainDueMail(db: Database, params: ClaimParams): Promise<number[]> {
  const ids: number[] = [];
  for (;;) {
    const claimed = await claimDueMail(db, { ...params, limit: 1 });
    if (claimed.length === 0) return ids;
    ids.push(...claimed.map((mail) => mail.id));
  }
}

const root = path.resolve(__dirname, '..', '..');

/**
 * A sender in another process, over the SQLite file `file` (tests/helpers/claim-mail-process.ts).
 * Resolves once that process is draining the outbox; `claimed` then resolves to its ids.
 */
export async function startClaimingProcess(file: string, params: ClaimParams): Promise<{ claimed: Promise<number[]> }> {
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(__dirname, 'claim-mail-process.ts'), file, String(params.now), String(params.leaseUntil)],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('the claiming process ended without an answer');
    return line.value;
  };
  if ((await nextLine()) !== 'ready') throw new Error('the claiming process did not start');
  child.stdin.write('go\n');
  if ((await nextLine()) !== 'draining') throw new Error('the claiming process did not begin');
  return { claimed: nextLine().then((line) => JSON.parse(line) as number[]) };
}
