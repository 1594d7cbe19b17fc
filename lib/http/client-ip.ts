/**
 * The visitor's address, for the rate limit (only ever stored as a keyed hash). Next.js fills
 * X-Forwarded-For with the socket's address when a request arrives without one; behind a
 * proxy (nginx with `$proxy_add_x_forwarded_for`) the proxy appends the address it saw, so the
 * rightmost entry is the one a visitor cannot choose. Exposed directly, a client can send its
 * own header; put the site behind the proxy (README) for a rate limit that holds.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || headers.get('x-real-ip') || 'unknown';
}
