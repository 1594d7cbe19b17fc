'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { FIELDS, LIMITS, TOPICS, type Field } from '@/lib/contact/schema';
import type { Locale } from '@/lib/i18n/locales';
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
    return t(`errors.${code}`);
  };
  const describedBy = (field: Field, hint?: string) =>
    [hint, state.errors[field] ? `contact-${field}-error` : null].filter(Boolean).join(' ') || undefined;
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

  const values = state.values;
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
      <div>
        <label htmlFor="contact-name" className="font-semibold">
          {t('name')}
        </label>
        <input
          id="contact-name"
          name="name"
          type="text"
          autoComplete="name"
          maxLength={LIMITS.name * 2}
          defaultValue={values.name}
          aria-invalid={state.errors.name ? true : undefined}
          aria-describedby={describedBy('name')}
          className={input}
        />
        <FieldError id="contact-name-error" text={errorText('name')} />
      </div>
      <div>
        <label htmlFor="contact-email" className="font-semibold">
          {t('emailLabel')}
        </label>
        <p id="contact-email-hint" className="text-sm text-ink-700">
          {t('emailHint')}
        </p>
        <input
          id="contact-email"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={LIMITS.email * 2}
          defaultValue={values.email}
          aria-invalid={state.errors.email ? true : undefined}
          aria-describedby={describedBy('email', 'contact-email-hint')}
          className={input}
        />
        <FieldError id="contact-email-error" text={errorText('email')} />
      </div>
      <div>
        <label htmlFor="contact-topic" className="font-semibold">
          {t('topic')}
        </label>
        <select
          id="contact-topic"
          name="topic"
          defaultValue={values.topic}
          aria-invalid={state.errors.topic ? true : undefined}
          aria-describedby={describedBy('topic')}
          className={input}
        >
          <option value="">{t('topicChoose')}</option>
          {TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {t(`topics.${topic}`)}
            </option>
          ))}
        </select>
        <FieldError id="contact-topic-error" text={errorText('topic')} />
      </div>
      <div>
        <label htmlFor="contact-message" className="font-semibold">
          {t('message')}
        </label>
        <p id="contact-message-hint" className="text-sm text-ink-700">
          {t('messageHint', { max: LIMITS.message })}
        </p>
        <textarea
          id="contact-message"
          name="message"
          rows={8}
          defaultValue={values.message}
          aria-invalid={state.errors.message ? true : undefined}
          aria-describedby={describedBy('message', 'contact-message-hint')}
          className={input}
        />
        <FieldError id="contact-message-error" text={errorText('message')} />
      </div>
      <div>
        <div className="flex items-start gap-3">
          <input
            id="contact-consent"
            name="consent"
            type="checkbox"
            defaultChecked={values.consent}
            aria-invalid={state.errors.consent ? true : undefined}
            aria-describedby={describedBy('consent')}
            className="mt-1 h-5 w-5 shrink-0 accent-brand-900"
          />
          <label htmlFor="contact-consent">
            {t.rich('consent', {
              site: siteName,
              privacy: (chunks) => (
                <a href={privacyHref} className="font-semibold text-brand-700 underline underline-offset-2">
                  {chunks}
                </a>
              ),
            })}
          </label>
        </div>
        <FieldError id="contact-consent-error" text={errorText('consent')} />
      </div>
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

function FieldError({ id, text }: { id: string; text: string }) {
  if (!text) return null;
  return (
    <p id={id} className="mt-1 font-semibold text-accent-700">
      {text}
    </p>
  );
}
