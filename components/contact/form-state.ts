import type { Field, FieldError, FormValues } from '@/lib/contact/schema';

/** What the contact form shows: the values, the errors, or the confirmation. */
export interface ContactFormState {
  status: 'editing' | 'sent';
  values: FormValues;
  errors: Partial<Record<Field, FieldError>>;
  problem: null | 'token' | 'blocked' | 'rateLimited' | 'unavailable';
  retryMinutes?: number;
  reference?: string;
  /** The signed form token (fill time and idempotency key). */
  token: string;
  /** Counts answers, so the page can move focus after each one. */
  submission: number;
}

export function initialContactState(token: string): ContactFormState {
  return {
    status: 'editing',
    values: { name: '', email: '', topic: '', message: '', consent: false },
    errors: {},
    problem: null,
    token,
    submission: 0,
  };
}
