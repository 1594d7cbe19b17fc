'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { currentConsent, readConsentCookie } from '@/lib/consent/cookie';
import { ConsentCategories, type ConsentCategoryText } from './ConsentCategories';
import { CONSENT_CHANGE_EVENT, OPEN_CONSENT_SETTINGS_EVENT, type ConsentChangeDetail } from '@/lib/consent/events';

type View = 'closed' | 'ask' | 'settings' | { saved: 'accepted' | 'rejected' };

/** The banner's strings, translated on the server (no translation runtime in the browser). */
export interface ConsentBannerText {
  title: string;
  settingsTitle: string;
  intro: string;
  acceptAll: string;
  rejectAll: string;
  settings: string;
  save: string;
  savedAccepted: string;
  savedRejected: string;
  hide: string;
  error: string;
  categories: ConsentCategoryText;
}

/**
 * The cookie banner and its settings. Server-rendered as a plain form posting to
 * /api/consent (it works without JavaScript: the handler sets the cookie and redirects back);
 * with JavaScript the choice is posted in the background and takes effect at once. It sits in
 * the page flow after the skip link, so it never covers what has focus, and traps nothing.
 */
export function ConsentBannerPanel({
  initiallyOpen,
  text,
  policies,
}: {
  initiallyOpen: boolean;
  text: ConsentBannerText;
  /** The sentence linking the privacy statement and the terms, rendered on the server. */
  policies: ReactNode;
}) {
  const [view, setView] = useState<View>(initiallyOpen ? 'ask' : 'closed');
  const [statistics, setStatistics] = useState(false);
  const [error, setError] = useState(false);
  const [pending, setPending] = useState(false);
  const region = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const settingsHeading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const statisticsId = useId();

  // The footer's "Cookie settings" opens the settings here, showing the current choice.
  useEffect(() => {
    const open = () => {
      const choice = currentConsent(readConsentCookie(document.cookie));
      setStatistics(choice?.statistics ?? false);
      setError(false);
      setView('settings');
    };
    window.addEventListener(OPEN_CONSENT_SETTINGS_EVENT, open);
    return () => window.removeEventListener(OPEN_CONSENT_SETTINGS_EVENT, open);
  }, []);

  useEffect(() => {
    if (view === 'settings') {
      region.current?.scrollIntoView({ block: 'nearest' });
      settingsHeading.current?.focus();
    }
    if (typeof view === 'object') statusRef.current?.focus();
  }, [view]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const choice = submitter?.value ?? 'save';
    if (choice === 'settings') {
      setView('settings');
      return;
    }
    const body = new URLSearchParams({ choice });
    if (choice === 'save' && statistics) body.set('statistics', 'on');
    setPending(true);
    setError(false);
    try {
      const response = await fetch('/api/consent', {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
      if (!response.ok) throw new Error(String(response.status));
      const accepted = currentConsent(readConsentCookie(document.cookie))?.statistics ?? false;
      window.dispatchEvent(
        new CustomEvent<ConsentChangeDetail>(CONSENT_CHANGE_EVENT, { detail: { statistics: accepted } }),
      );
      setView({ saved: accepted ? 'accepted' : 'rejected' });
    } catch {
      setError(true);
    } finally {
      setPending(false);
    }
  }

  if (view === 'closed') return null;

  const button =
    'inline-flex min-h-11 flex-1 items-center justify-center rounded-full border-2 border-brand-900 bg-brand-900 px-5 font-semibold text-white hover:bg-brand-700 sm:flex-none';
  // The settings view saves what is ticked; the banner offers the settings instead.
  const choices: [string, string][] = [
    ['accept', text.acceptAll],
    ['reject', text.rejectAll],
    view === 'settings' ? ['save', text.save] : ['settings', text.settings],
  ];

  return (
    <section
      ref={region}
      aria-labelledby={titleId}
      className="border-b-4 border-accent-300 bg-ink-50 text-ink-900"
      data-consent-banner=""
    >
      <div className="mx-auto max-w-6xl px-4 py-5">
        <h2 id={titleId} ref={settingsHeading} tabIndex={-1} className="text-lg font-bold text-brand-900">
          {view === 'settings' ? text.settingsTitle : text.title}
        </h2>
        {typeof view === 'object' ? (
          <>
            <p ref={statusRef} tabIndex={-1} role="status" className="mt-2 max-w-3xl">
              {view.saved === 'accepted' ? text.savedAccepted : text.savedRejected}
            </p>
            <button type="button" className={`${button} mt-4`} onClick={() => setView('closed')}>
              {text.hide}
            </button>
          </>
        ) : (
          <form method="post" action="/api/consent" onSubmit={submit} aria-describedby={`${titleId}-intro`}>
            <p id={`${titleId}-intro`} className="mt-2 max-w-3xl">
              {text.intro}
            </p>
            <p className="mt-2 max-w-3xl">{policies}</p>
            {view === 'settings' ? (
              <ConsentCategories
                text={text.categories}
                descriptionId={`${statisticsId}-body`}
                checkbox={
                  <input
                    id={statisticsId}
                    type="checkbox"
                    name="statistics"
                    checked={statistics}
                    onChange={(e) => setStatistics(e.target.checked)}
                    aria-describedby={`${statisticsId}-body`}
                    className="h-5 w-5 accent-brand-900"
                  />
                }
              />
            ) : null}
            {error ? (
              <p role="alert" className="mt-3 font-semibold text-accent-700">
                {text.error}
              </p>
            ) : null}
            {/* Three choices of equal weight: same size, same colours. */}
            <div className="mt-4 flex flex-wrap gap-3">
              {choices.map(([value, label]) => (
                <button key={value} type="submit" name="choice" value={value} className={button} disabled={pending}>
                  {label}
                </button>
              ))}
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
