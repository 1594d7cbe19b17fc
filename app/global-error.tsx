'use client';

import { lazy, Suspense } from 'react';

// Fetched only when the root layout has failed: every page would otherwise download both
// message catalogues for a page almost nobody sees (docs/decisions/0009-javascript-budget.md).
const GlobalErrorBody = lazy(() => import('@/components/pages/GlobalErrorBody'));

/**
 * Last resort when the layout itself fails: no locale is known here, so the message is given
 * in both languages. Never shows the error.
 */
export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '3rem auto', maxWidth: '40rem', padding: '0 1rem' }}>
        <Suspense fallback={null}>
          <GlobalErrorBody />
        </Suspense>
      </body>
    </html>
  );
}
