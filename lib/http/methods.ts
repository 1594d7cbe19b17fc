import { allowList, type ServedMethod } from '../routing/methods';
import { errorResponse } from './errors';

/*
 * Next.js answers a method a route file does not export with a bare 405 (no body, no Allow
 * header), and answers OPTIONS with every method the file exports. A route file takes the
 * methods it does not serve from here instead:
 *
 *   export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
 *
 * so a wrong method gets the one error shape with `Allow`, and OPTIONS tells the truth. In
 * production the server answers these before Next.js, from the same table
 * (lib/routing/methods.ts); these answers are the same, for `next dev` and for anything that
 * calls a route without the server.
 */

type Handler = (request: Request) => Response;

/** The 405 for a method an address does not serve: the one error shape, `Allow`, never stored. */
export function methodNotAllowed(method: string, served: readonly ServedMethod[], headers: Record<string, string> = {}): Response {
  return errorResponse('method_not_allowed', `${method} is not allowed here; use ${served.join(' or ')}`, {
    headers: { Allow: allowList(served).join(', '), ...headers },
  });
}

export function otherMethods(...served: ServedMethod[]): Record<ServedMethod | 'OPTIONS', Handler> {
  // Next.js answers HEAD with the GET handler, and OPTIONS with the handler below.
  const refuse: Handler = (request) => methodNotAllowed(request.method, served);
  return {
    GET: refuse,
    POST: refuse,
    PUT: refuse,
    PATCH: refuse,
    DELETE: refuse,
    OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allowList(served).join(', ') } }),
  };
}
