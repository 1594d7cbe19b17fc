import type { InputHTMLAttributes } from 'react';
import { FormField } from '../ui/FormField';

/** A labelled text input of the staff area's forms, with an optional hint tied to it. */
export function TextField({
  id,
  label,
  hint,
  className,
  ...input
}: { id: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FormField id={id} label={label} hint={hint} className={className}>
      {(control) => <input {...control} name={id} className="mt-1 block w-full rounded border border-ink-300 px-3 py-2 text-base" {...input} />}
    </FormField>
  );
}
