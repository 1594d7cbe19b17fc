import type { ReactNode } from 'react';

/** The cell style of the staff area's tables. */
export const ADMIN_CELL = 'border-b border-ink-100 px-3 py-2 align-top';

/**
 * A staff-area table: scrolls sideways on a narrow screen rather than squeezing its columns; a
 * caption and column headers. The scrolling box takes keyboard focus (a table of text alone,
 * such as the audit log, could otherwise not be scrolled without a mouse: WCAG 2.1.1).
 */
export function AdminTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="mt-6 overflow-x-auto focus-visible:outline-2" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="bg-ink-50">
            {headers.map((header) => (
              <th key={header} scope="col" className={ADMIN_CELL}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
