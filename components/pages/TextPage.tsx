import type { ReactNode } from 'react';

/** Layout of the plain text pages (about, contact, privacy, terms). */
export function TextPage({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <article className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-extrabold text-brand-900 sm:text-4xl">{title}</h1>
      {lead ? <div className="mt-3 text-ink-600">{lead}</div> : null}
      <div className="mt-8 grid gap-8 text-[1.0625rem] leading-[1.75]">{children}</div>
    </article>
  );
}

export function TextSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2 className="text-xl font-bold text-brand-900">{title}</h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}
