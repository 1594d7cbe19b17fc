/*
 * The two cache policies of answers that must never be stored. Every API answer that depends
 * on the request (a form post, a count, an error) is `no-store`: a shared cache in front
 * (ops/nginx, a CDN) or the browser must not replay it to someone else. The staff area adds
 * `private`, so that no cache anywhere keeps a reader's message or a session's page.
 */

/** Headers for an answer no cache may keep. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** Headers for the staff area's answers: never stored, and never in a shared cache. */
export const PRIVATE_NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

/**
 * On every response (next.config.ts gives them to Next.js's answers; the production server
 * adds them to the few it gives itself, server/gate.ts). The Content-Security-Policy is
 * added by server/main.ts (decision 0010).
 */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** Only when the request came over https (the proxy in front says so): a plain-http development server must not pin browsers to https. */
export const HSTS_HEADER = { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } as const;
