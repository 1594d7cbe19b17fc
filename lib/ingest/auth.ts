import crypto from 'node:crypto';
import { env } from '../env';

/**
 * `Authorization: Bearer <INGEST_TOKEN>`, compared in constant time (both sides hashed to the
 * same length first). Without INGEST_TOKEN configured the API accepts no one.
 */
export function isAuthorizedIngest(header: string | null): boolean {
  const expected = env.INGEST_TOKEN;
  if (!expected || !header?.startsWith('Bearer ')) return false;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(header.slice('Bearer '.length)), digest(expected));
}
