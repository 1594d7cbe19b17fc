import type { InputHTMLAttributes } from 'react';

/** A labelled text input of the staff area's forms, with an optional hint tied to it. */
export function TextField({
  id,
  label,
  hint,
  className = '',
  ...input
}: { id: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={className}>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <input
        id={id}
        name={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 block w-full rounded border border-ink-300 px-3 py-2 text-base"
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-ink-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
