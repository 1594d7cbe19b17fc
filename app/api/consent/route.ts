import type { NextRequest } from 'next/server';
import { CONSENT_COOKIE, CONSENT_MAX_AGE_SECONDS, formatConsent, POLICY_VERSION } from '@/lib/consent/cookie';
import { isHttps, isSameOrigin } from '@/lib/http/origin';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { safeReturnPath } from '@/lib/routing/rules';

/**
 * POST /api/consent: the banner's and the settings page's form. `choice` is accept, reject,
 * save (with `statistics=on` to allow statistics) or settings (the banner's Settings button
 * without JavaScript: go to the settings page). Sets the consent cookie and redirects back to
 * the page the form was on (303), or answers JSON when the page's script asks for it.
 */

const CHOICES = new Set(['accept', 'reject', 'save', 'settings']);
function backTo(request: NextRequest, form: URLSearchParams): string {
  const requested = safeReturnPath(form.get('return'), 'reader');
  if (requested) return requested;
  const referer = request.headers.get('referer');
  if (referer) {
    try {
      const url = new URL(referer);
      const path = safeReturnPath(url.pathname + url.search, 'reader');
      if (url.host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host')) && path) return path;
    } catch {
      // not a URL: fall through
    }
  }
  return paths.home(localeOf(form));
}

function localeOf(form: URLSearchParams) {
  const locale = form.get('locale');
  return isLocale(locale) ? locale : defaultLocale;
}

export async function POST(request: NextRequest) {
  const noStore = { 'Cache-Control': 'no-store' };
  if (!isSameOrigin(request)) return Response.json({ error: 'cross-site' }, { status: 403, headers: noStore });
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    return Response.json({ error: 'send a form' }, { status: 415, headers: noStore });
  }
  const text = await request.text();
  if (text.length > 2000) return Response.json({ error: 'too large' }, { status: 413, headers: noStore });
  const form = new URLSearchParams(text);
  const choice = form.get('choice') ?? '';
  if (!CHOICES.has(choice)) return Response.json({ error: 'unknown choice' }, { status: 400, headers: noStore });
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const back = backTo(request, form);

  if (choice === 'settings') {
    const locale = back.slice(1, 3);
    const settings = `${paths.cookieSettings(isLocale(locale) ? locale : defaultLocale)}?return=${encodeURIComponent(back)}`;
    return new Response(null, { status: 303, headers: { ...noStore, Location: settings } });
  }

  const statistics = choice === 'accept' || (choice === 'save' && form.get('statistics') === 'on');
  const value = formatConsent({ version: POLICY_VERSION, statistics, decidedAt: Date.now() });
  const cookie = [
    `${CONSENT_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${CONSENT_MAX_AGE_SECONDS}`,
    'SameSite=Lax',
    ...(isHttps(request) ? ['Secure'] : []),
  ].join('; ');
  const headers = { ...noStore, 'Set-Cookie': cookie };
  if (wantsJson) return Response.json({ statistics }, { headers });
  return new Response(null, { status: 303, headers: { ...headers, Location: back } });
}
