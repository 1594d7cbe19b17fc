'use server';

import { headers } from 'next/headers';
import { formValues } from '@/lib/contact/schema';
import { logContactOutcome, submitContactMessage } from '@/lib/contact/submit';
import { issueFormToken } from '@/lib/contact/token';
import type { ContactFormState } from '@/components/contact/form-state';
import { clientIp } from '@/lib/http/client-ip';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { requestLog } from '@/lib/log';

/**
 * The contact form's server action. Without JavaScript the browser posts the form and Next.js
 * renders the page again with the returned state; with JavaScript React sends it in the
 * background. Either way the values typed come back on any error.
 */
export async function sendContactMessage(previous: ContactFormState, formData: FormData): Promise<ContactFormState> {
  const raw: Record<string, unknown> = Object.fromEntries(
    [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const values = formValues(raw);
  const locale = isLocale(raw.locale) ? raw.locale : defaultLocale;
  const requestHeaders = await headers();
  const log = requestLog(requestHeaders);
  const base = { ...previous, values, errors: {}, problem: null, submission: previous.submission + 1 };
  try {
    const result = await submitContactMessage(raw, {
      locale,
      ip: clientIp(requestHeaders),
      userAgent: requestHeaders.get('user-agent') ?? '',
    });
    logContactOutcome(log, result, { via: 'form' });
    switch (result.kind) {
      case 'sent':
        return { ...base, status: 'sent', reference: result.reference, token: issueFormToken() };
      case 'invalid':
        return { ...base, errors: result.errors };
      case 'token':
        return { ...base, problem: 'token', token: issueFormToken() };
      case 'blocked':
        return { ...base, problem: 'blocked' };
      case 'rate-limited':
        return { ...base, problem: 'rateLimited', retryMinutes: Math.ceil(result.retryAfterSeconds / 60) };
      case 'unavailable':
        // Nothing was stored; the same token may be sent again.
        return { ...base, problem: 'unavailable' };
    }
  } catch (error) {
    // The visitor is told to try again later; the operator gets the error (never what was typed).
    log.error({ event: 'action.error', action: 'sendContactMessage', err: error }, 'server action failed');
    return { ...base, problem: 'unavailable' };
  }
}
