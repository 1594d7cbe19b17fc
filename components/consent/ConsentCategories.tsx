import type { ReactNode } from 'react';

export interface ConsentCategoryText {
  settingsTitle: string;
  necessaryTitle: string;
  alwaysOn: string;
  necessaryBody: string;
  statisticsTitle: string;
  statisticsBody: string;
  statisticsLabel: string;
}

/** The categories' strings from the Consent messages (the caller's translator). */
export function consentCategoryText(t: (key: keyof ConsentCategoryText) => string): ConsentCategoryText {
  const keys = ['settingsTitle', 'necessaryTitle', 'alwaysOn', 'necessaryBody', 'statisticsTitle', 'statisticsBody', 'statisticsLabel'] as const;
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as unknown as ConsentCategoryText;
}

/**
 * The cookie categories: strictly necessary (always on, explained) and statistics, whose
 * checkbox the caller supplies (controlled in the banner, a plain form field on the settings
 * page). `descriptionId` must be the checkbox's aria-describedby. Rendered in the browser by
 * the banner too, so its strings come in as props.
 */
export function ConsentCategories({
  descriptionId,
  checkbox,
  text,
}: {
  descriptionId: string;
  checkbox: ReactNode;
  text: ConsentCategoryText;
}) {
  return (
    <fieldset className="mt-4 max-w-3xl">
      <legend className="sr-only">{text.settingsTitle}</legend>
      <div className="rounded border border-ink-300 bg-white p-4">
        <p className="font-semibold">
          {text.necessaryTitle} <span className="font-normal text-ink-700">({text.alwaysOn})</span>
        </p>
        <p className="mt-1 text-sm text-ink-700">{text.necessaryBody}</p>
      </div>
      <div className="mt-3 rounded border border-ink-300 bg-white p-4">
        <p className="font-semibold">{text.statisticsTitle}</p>
        <p className="mt-1 text-sm text-ink-700" id={descriptionId}>
          {text.statisticsBody}
        </p>
        <label className="mt-3 inline-flex min-h-11 items-center gap-3 font-semibold">
          {checkbox}
          {text.statisticsLabel}
        </label>
      </div>
    </fieldset>
  );
}
