import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseFile, env } from './env';

let cached: Buffer | null = null;

/** Why a server on PostgreSQL will not start without APP_SECRET; null when it may. */
export function missingSharedSecret(): string | null {
  return env.DATABASE_URL && !env.APP_SECRET
    ? 'APP_SECRET must be set when DATABASE_URL is: every instance must sign and check form tokens, sessions and hashes with the same secret'
    : null;
}

/**
 * The server's secret: APP_SECRET, or else (on SQLite, one machine) a random one created once
 * and kept in a file beside the database (mode 0600), so tokens and IP hashes survive restarts
 * without setup. On PostgreSQL the instances share it, so it must come from the environment.
 */
export function appSecret(): Buffer {
  if (cached) return cached;
  if (env.APP_SECRET) return (cached = Buffer.from(env.APP_SECRET, 'utf8'));
  const missing = missingSharedSecret();
  if (missing) throw new Error(missing);
  const file = path.join(path.dirname(path.resolve(databaseFile())), 'app-secret');
  try {
    cached = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(32).toString('hex');
    try {
      fs.writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process created it first: use theirs.
    }
    cached = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
  return cached;
}

/** A keyed hash (HMAC-SHA-256, hex) under the app secret, for values that must not be stored as they are. */
export function keyedHash(purpose: string, value: string): string {
  return crypto.createHmac('sha256', appSecret()).update(`${purpose}\0${value}`).digest('hex');
}
