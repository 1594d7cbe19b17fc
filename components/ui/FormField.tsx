import type { ReactNode } from 'react';

/** What a field's control spreads onto itself to be tied to the label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * One form field: its label, a hint (read before the control, where a screen reader and a
 * sighted reader meet it before typing), the control, and the error when there is one, tied
 * together by ids (`{id}-hint`, `{id}-error`). The control itself is the caller's (an input,
 * select or textarea with its own attributes): `children` receives the props that tie it in.
 * `inline` is for a checkbox: the control first, its label beside it.
 *
 * Used by the readers' contact form and the staff area's forms; no hooks, so it renders on
 * the server and in the browser alike.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  inline = false,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The error message, or nothing (an empty string counts as none). */
  error?: string;
  inline?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const control = children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined });
  const labelElement = (
    <label htmlFor={id} className={inline ? undefined : 'font-semibold'}>
      {label}
    </label>
  );
  return (
    <div className={className}>
      {inline ? (
        <div className="flex items-start gap-3">
          {control}
          {labelElement}
        </div>
      ) : (
        <>
          {labelElement}
          {hint ? (
            <p id={`${id}-hint`} className="text-sm text-ink-700">
              {hint}
            </p>
          ) : null}
          {control}
        </>
      )}
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-accent-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A select's options after a first, empty one (choose…, all…), which stands for no choice. */
export function SelectOptions({ empty, options }: { empty: string; options: { value: string; label: string }[] }) {
  return (
    <>
      <option value="">{empty}</option>
      {options.map(({ value, label }) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
