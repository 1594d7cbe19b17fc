import { z } from 'zod';

/*
 * The body of POST /api/consent: the banner's buttons and the cookie settings page's form
 * (components/consent). Server-only: lib/consent/cookie.ts stays free of zod for the browser.
 */

/** The banner's Settings button without JavaScript goes to the settings page (`settings`). */
export const CONSENT_CHOICES = ['accept', 'reject', 'save', 'settings'] as const;

export const consentFormSchema = z.object({
  choice: z.enum(CONSENT_CHOICES),
  /** `on` when the settings page's statistics box is ticked (with `save`). */
  statistics: z.string().optional(),
  /** Where to go back to and in which language: checked by the route, which falls back when they are unusable. */
  return: z.string().optional(),
  locale: z.string().optional(),
});

export type ConsentForm = z.infer<typeof consentFormSchema>;
