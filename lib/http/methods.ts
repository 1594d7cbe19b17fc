import { errorResponse } from './errors';

/*
 * Next.js answers a method a route file does not export with a bare 405 (no body, no Allow
 * header), and answers OPTIONS with every method the file exports. A route file takes the
 * methods it does not serve from here instead:
 *
 *   export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
 *
 * so a wrong method gets the one error shape with `Allow`, and OPTIONS tells the truth.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler = (request: Request) => Response;

export function otherMethods(...served: Method[]): Record<Method | 'OPTIONS', Handler> {
  // Next.js answers HEAD with the GET handler, and OPTIONS with the handler below.
  const allow = [...served, ...(served.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse: Handler = (request) =>
    errorResponse('method_not_allowed', `${request.method} is not allowed here; use ${served.join(' or ')}`, { headers: { Allow: allow } });
  return {
    GET: refuse,
    POST: refuse,
    PUT: refuse,
    PATCH: refuse,
    DELETE: refuse,
    OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allow } }),
  };
}
