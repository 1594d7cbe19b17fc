/**
 * npm run staff -- add EMAIL [--role reporter|editor|admin]
 *                                 create a staff account (an admin unless --role says otherwise);
 *                                 the password is read from standard input
 * npm run staff -- passwd EMAIL   set a new password (signs the account out everywhere)
 * npm run staff -- remove EMAIL   delete the account
 *
 * The password is one line on standard input, typed or piped: `printf '%s\n' "$PW" | npm run staff -- add a@b.cn`.
 */
import readline from 'node:readline';
import { z } from 'zod';
import { closeDb } from '../lib/db/connection';
import { closeDatabase, getDatabase } from '../lib/db/database';
import { deleteStaff, findStaffByEmail, insertStaff, updateStaffPassword } from '../lib/db/staff';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../lib/staff/password';
import { isStaffRole, type StaffRole } from '../lib/staff/roles';

const USAGE =
  'usage: npm run staff -- add EMAIL [--role reporter|editor|admin] | passwd EMAIL | remove EMAIL   (password on standard input)';

class UsageError extends Error {}

function readPasswordLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters): ');
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) reject(new UsageError('No password given on standard input.'));
    });
  });
}

async function newPassword(): Promise<string> {
  const password = await readPasswordLine();
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
  return hashPassword(password);
}

async function main(argv: string[]): Promise<void> {
  const [command, rawEmail, ...rest] = argv;
  if (!['add', 'passwd', 'remove'].includes(command ?? '') || !rawEmail) throw new UsageError(USAGE);
  // Accounts made here were the only kind before roles, and could do everything: still admins
  // by default, so the first account of a new site can manage the others in the browser.
  let role: StaffRole = 'admin';
  if (rest.length) {
    const value = rest[0] === '--role' && rest.length === 2 ? rest[1] : rest[0]?.startsWith('--role=') && rest.length === 1 ? rest[0].slice(7) : null;
    if (command !== 'add' || !isStaffRole(value)) throw new UsageError(USAGE);
    role = value;
  }
  const email = z.string().trim().email().safeParse(rawEmail);
  if (!email.success) throw new UsageError(`Not an email address: ${rawEmail}`);
  const db = await getDatabase();
  switch (command) {
    case 'add': {
      if (await findStaffByEmail(db, email.data)) throw new UsageError(`${email.data} already has an account.`);
      await insertStaff(db, { email: email.data, passwordHash: await newPassword(), role, now: Date.now() });
      console.log(`Created the staff account ${email.data} (${role}).`);
      break;
    }
    case 'passwd': {
      if (!(await findStaffByEmail(db, email.data))) throw new UsageError(`There is no staff account ${email.data}.`);
      await updateStaffPassword(db, { email: email.data, passwordHash: await newPassword() });
      console.log(`Changed the password of ${email.data}; its sessions have ended.`);
      break;
    }
    case 'remove': {
      if (!(await deleteStaff(db, email.data))) throw new UsageError(`There is no staff account ${email.data}.`);
      console.log(`Removed the staff account ${email.data}.`);
      break;
    }
    default:
      throw new UsageError(USAGE);
  }
}

/** Ends the PostgreSQL pool (DATABASE_URL) or closes the SQLite file, so the process can exit. */
async function close(): Promise<void> {
  await closeDatabase();
  closeDb();
}

main(process.argv.slice(2))
  .then(close)
  .catch(async (error: unknown) => {
    await close();
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
