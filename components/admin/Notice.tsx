import type { ReactNode } from 'react';

/** A form's outcome after the redirect back: errors as alerts, the rest as status messages. */
export function Notice({ kind, children }: { kind: 'error' | 'done'; children: ReactNode }) {
  return (
    <p
      role={kind === 'error' ? 'alert' : 'status'}
      className={kind === 'error' ? 'mt-6 rounded border border-accent-600 bg-ink-50 p-3 text-accent-700' : 'mt-6 rounded bg-ink-50 p-3'}
    >
      {children}
    </p>
  );
}
