import type { NextRequest } from 'next/server';
import { CONSENT_COOKIE, CONSENT_MAX_AGE_SECONDS, formatConsent, POLICY_VERSION } from '@/lib/consent/cookie';
import { consentFormSchema, type ConsentForm } from '@/lib/consent/form';
import { readBody, URLENCODED_BODY } from '@/lib/http/body';
import { refuseCrossSite } from '@/lib/http/guards';
import { NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { isHttps, publicOrigin } from '@/lib/http/origin';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { safeReturnPath } from '@/lib/routing/rules';

/**
 * POST /api/consent: the banner's and the settings page's form. `choice` is accept, reject,
 * save (with `statistics=on` to allow statistics) or settings (the banner's Settings button
 * without JavaScript: go to the settings page). Sets the consent cookie and redirects back to
 * the page the form was on (303), or answers JSON when the page's script asks for it.
 */

function backTo(request: NextRequest, form: ConsentForm): string {
  const requested = safeReturnPath(form.return, 'reader');
  if (requested) return requested;
  const referer = request.headers.get('referer');
  if (referer) {
    try {
      const url = new URL(referer);
      const path = safeReturnPath(url.pathname + url.search, 'reader');
      if (url.origin === publicOrigin() && path) return path;
    } catch {
      // not a URL: fall through
    }
  }
  return paths.home(localeOf(form));
}

function localeOf(form: ConsentForm) {
  return isLocale(form.locale) ? form.locale : defaultLocale;
}

export async function POST(request: NextRequest) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  // The banner's forms are a few short fields; an unknown choice is no form of ours (400).
  const body = await readBody(request, { limit: 2000, types: [URLENCODED_BODY], schema: consentFormSchema, invalid: 'bad_request' });
  if (!body.ok) return body.response;
  const form = body.value;
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const back = backTo(request, form);

  if (form.choice === 'settings') {
    const locale = back.slice(1, 3);
    const settings = `${paths.cookieSettings(isLocale(locale) ? locale : defaultLocale)}?return=${encodeURIComponent(back)}`;
    return new Response(null, { status: 303, headers: { ...NO_STORE, Location: settings } });
  }

  const statistics = form.choice === 'accept' || (form.choice === 'save' && form.statistics === 'on');
  const value = formatConsent({ version: POLICY_VERSION, statistics, decidedAt: Date.now() });
  const cookie = [
    `${CONSENT_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${CONSENT_MAX_AGE_SECONDS}`,
    'SameSite=Lax',
    ...(isHttps(request) ? ['Secure'] : []),
  ].join('; ');
  const headers = { ...NO_STORE, 'Set-Cookie': cookie };
  if (wantsJson) return Response.json({ statistics }, { headers });
  return new Response(null, { status: 303, headers: { ...headers, Location: back } });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
