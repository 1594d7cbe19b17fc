import { z } from 'zod';

// The form checks input in the browser too. Zod would probe whether it may compile code with
// `Function('')`, which the Content-Security-Policy refuses (and reports); say it may not.
z.config({ jitless: true });

/*
 * The one validation of a message, run on the server for the form (with or without
 * JavaScript) and the JSON/form API alike. Text is trimmed and NFC-normalized first; limits
 * count characters (code points) after that. Error messages are codes, localized by the page.
 */

export const TOPICS = ['general', 'tip', 'correction', 'partnership', 'technical'] as const;
export type Topic = (typeof TOPICS)[number];
export const FIELDS = ['name', 'email', 'topic', 'message', 'consent'] as const;
export type Field = (typeof FIELDS)[number];
export type FieldError = 'required' | 'tooLong' | 'characters' | 'email' | 'topic' | 'consent';

/**
 * Control characters (C0, DEL and C1) have no place in what a person types: they hide text,
 * break the staff's CSV export and the mail sent about the message. The message keeps tab and
 * line breaks; every other field keeps none.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export const LIMITS = { name: 100, email: 254, message: 5000 } as const;

const clean = (value: unknown) =>
  typeof value === 'string' ? value.normalize('NFC').replace(/\r\n?/g, '\n').trim() : '';
const length = (value: string) => [...value].length;

/** One rule for every text field: trimmed, present, within its length, and no control characters. */
const text = (max: number, control: RegExp = CONTROL) =>
  z
    .unknown()
    .transform(clean)
    .pipe(
      z
        .string()
        .refine((v) => v.length > 0, { message: 'required', abort: true })
        .refine((v) => !control.test(v), { message: 'characters', abort: true })
        .refine((v) => length(v) <= max, { message: 'tooLong' }),
    );

export const contactSchema = z.object({
  name: text(LIMITS.name),
  email: text(LIMITS.email).pipe(
    z.string().refine((v) => /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/u.test(v), { message: 'email' }),
  ),
  topic: z.unknown().transform(clean).pipe(z.enum(TOPICS, { message: 'topic' })),
  message: text(LIMITS.message, CONTROL_BUT_TAB_AND_NEWLINE),
  consent: z.unknown().refine((v) => v === 'on' || v === true || v === 'true', { message: 'consent' }),
});

export type ContactInput = z.infer<typeof contactSchema>;

/** The values to show again in the form after an error: what was typed, untouched. */
export type FormValues = Record<'name' | 'email' | 'topic' | 'message', string> & { consent: boolean };

export function formValues(raw: Record<string, unknown>): FormValues {
  const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
  return {
    name: str('name'),
    email: str('email'),
    topic: str('topic'),
    message: str('message'),
    consent: raw.consent === 'on' || raw.consent === true || raw.consent === 'true',
  };
}

export function validateContact(
  raw: Record<string, unknown>,
): { ok: true; value: ContactInput } | { ok: false; errors: Partial<Record<Field, FieldError>> } {
  const result = contactSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const errors: Partial<Record<Field, FieldError>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as Field;
    if (FIELDS.includes(field) && !errors[field]) {
      const code = issue.message as FieldError;
      errors[field] = (['required', 'tooLong', 'characters', 'email', 'topic', 'consent'] as const).includes(code) ? code : 'required';
    }
  }
  return { ok: false, errors };
}
