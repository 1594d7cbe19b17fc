'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** What the error page says, translated by the layout on the server. */
export interface ErrorText {
  title: string;
  body: string;
  retry: string;
  home: string;
}

const ErrorTextContext = createContext<ErrorText | null>(null);

/**
 * Hands the error page (app/[locale]/error.tsx, which Next.js renders in the browser without
 * props) its strings: a few bytes instead of a translation runtime on every page.
 */
export function ErrorTextProvider({ text, children }: { text: ErrorText; children: ReactNode }) {
  return <ErrorTextContext value={text}>{children}</ErrorTextContext>;
}

export function useErrorText(): ErrorText {
  const text = useContext(ErrorTextContext);
  if (!text) throw new Error('useErrorText outside ErrorTextProvider');
  return text;
}
