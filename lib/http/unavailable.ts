import { isDatabaseUnavailable } from '../db/engine';
import { errorResponse } from './errors';

/** Seconds a client is asked to wait when the database cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER = '5';

/**
 * A route handler that answers 503 (`unavailable`, with Retry-After) instead of failing when the
 * database cannot be reached: PostgreSQL stopped or restarting, or SQLite locked by another
 * process too long. Nothing was written; the client may send the same request again. Any other
 * error is thrown on, as before.
 */
export function orUnavailable<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return errorResponse('unavailable', 'the database cannot be reached just now; try again in a few seconds', {
        headers: { 'Retry-After': UNAVAILABLE_RETRY_AFTER },
      });
    }
  };
}
