'use client';

import { useErrorText } from '@/components/layout/ErrorText.client';

/**
 * Shown when a page fails to render. Never shows the error itself: visitors get a plain
 * message; the details stay in the server log (the digest links the two).
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useErrorText();
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-16">
      <h1 className="text-3xl font-extrabold text-brand-900">{text.title}</h1>
      <p className="mt-4 text-lg text-ink-700">{text.body}</p>
      <p className="mt-6 flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="btn-primary">
          {text.retry}
        </button>
        {/* A plain link, not <Link>: a full page load recovers from anything, a client navigation keeps the broken state. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the full page load is the point (see above) */}
        <a href="/" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          {text.home}
        </a>
      </p>
    </main>
  );
}
