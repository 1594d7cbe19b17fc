'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { FIELDS, LIMITS, TOPICS, type Field } from '@/lib/contact/schema';
import type { Locale } from '@/lib/i18n/locales';
import { FormField, SelectOptions } from '../ui/FormField';
import type { ContactFormState } from './form-state';

type Action = (state: ContactFormState, formData: FormData) => Promise<ContactFormState>;

const input =
  'mt-1 block w-full rounded border border-ink-600 bg-white px-3 py-2 text-base text-ink-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-accent-700';

/**
 * "Leaving a message". A plain form posting to a server action: it works without JavaScript
 * (the page comes back with the values and errors, or the confirmation). With JavaScript it
 * shows a pending state, cannot be sent twice at once, and moves focus to the error summary or
 * the confirmation. Validation happens once, on the server.
 */
export function ContactForm({
  action,
  initialState,
  locale,
  siteName,
  privacyHref,
}: {
  action: Action;
  initialState: ContactFormState;
  locale: Locale;
  siteName: string;
  privacyHref: string;
}) {
  const t = useTranslations('Contact');
  // The permalink becomes the form's action attribute: where the post goes without JavaScript.
  const [state, formAction, pending] = useActionState(action, initialState, `/${locale}/contact`);
  const summary = useRef<HTMLDivElement>(null);
  const confirmation = useRef<HTMLHeadingElement>(null);
  const errorFields = FIELDS.filter((field) => state.errors[field]);
  const hasProblem = errorFields.length > 0 || state.problem !== null;

  useEffect(() => {
    if (state.submission === 0) return;
    if (state.status === 'sent') confirmation.current?.focus();
    else if (hasProblem) summary.current?.focus();
  }, [state.submission, state.status, hasProblem]);

  const errorText = (field: Field) => {
    const code = state.errors[field];
    if (!code) return '';
    if (code === 'tooLong') return t('errors.tooLong', { field, max: LIMITS[field as keyof typeof LIMITS] ?? 0 });
    if (code === 'required') return t('errors.required', { field });
    if (code === 'characters') return t('errors.characters', { field });
    return t(`errors.${code}`);
  };
  /** A field block's label, hint and error: ids `contact-{field}`, `…-hint`, `…-error`. */
  const field = (name: Field, label: ReactNode, hint?: string) => ({ id: `contact-${name}`, label, hint, error: errorText(name) });
  /** A text control's name, the value sent back and its look. */
  const text = (name: Exclude<Field, 'consent'>) => ({ name, defaultValue: state.values[name], className: input });
  const problemText =
    state.problem === 'rateLimited'
      ? t('rateLimited', { minutes: state.retryMinutes ?? 10 })
      : state.problem
        ? t(state.problem === 'token' ? 'tokenProblem' : state.problem)
        : null;

  if (state.status === 'sent') {
    return (
      <div role="status" className="rounded border-2 border-brand-900 bg-ink-50 p-5">
        <h2 ref={confirmation} tabIndex={-1} className="text-xl font-bold text-brand-900">
          {t('sentTitle')}
        </h2>
        <p className="mt-2">{t('sentBody', { reference: state.reference ?? '' })}</p>
        <p className="mt-4">
          {/* A full load: a fresh form with a fresh token. */}
          <a href={`/${locale}/contact`} className="btn-primary">
            {t('sendAnother')}
          </a>
        </p>
      </div>
    );
  }

  return (
    // Keyed by answer: the fields start from the values the server sent back.
    <form action={formAction} noValidate className="grid gap-5" key={state.submission}>
      <p className="text-ink-700">{t('formIntro')}</p>
      <div aria-live="polite" className="contents">
        {hasProblem ? (
          <div ref={summary} tabIndex={-1} role="alert" className="rounded border-2 border-accent-700 bg-white p-4">
            {errorFields.length > 0 ? (
              <>
                <h3 className="font-bold text-accent-700">{t('errorSummary', { count: errorFields.length })}</h3>
                <ul className="mt-2 list-disc pl-5">
                  {errorFields.map((field) => (
                    <li key={field}>
                      <a href={`#contact-${field}`} className="text-accent-700 underline">
                        {errorText(field)}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {problemText ? <p className="font-semibold text-accent-700">{problemText}</p> : null}
          </div>
        ) : null}
      </div>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={state.token} />
      {/* A trap for bots: hidden from people and from assistive technology. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="contact-website">{t('honeypot')}</label>
        <input id="contact-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <FormField {...field('name', t('name'))}>
        {(control) => <input {...control} {...text('name')} type="text" autoComplete="name" maxLength={LIMITS.name * 2} />}
      </FormField>
      <FormField {...field('email', t('emailLabel'), t('emailHint'))}>
        {(control) => (
          <input {...control} {...text('email')} type="email" autoComplete="email" spellCheck={false} maxLength={LIMITS.email * 2} />
        )}
      </FormField>
      <FormField {...field('topic', t('topic'))}>
        {(control) => (
          <select {...control} {...text('topic')}>
            <SelectOptions empty={t('topicChoose')} options={TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))} />
          </select>
        )}
      </FormField>
      <FormField {...field('message', t('message'), t('messageHint', { max: LIMITS.message }))}>
        {(control) => <textarea {...control} {...text('message')} rows={8} />}
      </FormField>
      <FormField
        {...field(
          'consent',
          t.rich('consent', {
            site: siteName,
            privacy: (chunks) => (
              <a href={privacyHref} className="font-semibold text-brand-700 underline underline-offset-2">
                {chunks}
              </a>
            ),
          }),
        )}
        inline
      >
        {(control) => (
          <input
            {...control}
            name="consent"
            type="checkbox"
            defaultChecked={state.values.consent}
            className="mt-1 h-5 w-5 shrink-0 accent-brand-900"
          />
        )}
      </FormField>
      <p>
        <button type="submit" className="btn-primary" disabled={pending} aria-disabled={pending}>
          {pending ? t('sending') : t('send')}
        </button>
        <span role="status" className="sr-only">
          {pending ? t('sending') : ''}
        </span>
      </p>
    </form>
  );
}
