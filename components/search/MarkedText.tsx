import type { TextRun } from '@/lib/search/types';

/**
 * Runs of a headline or snippet as React text, the matched ones in <mark>. The text is never
 * parsed as HTML: whatever an article's text holds (`<script>` included) is shown as written.
 */
export function MarkedText({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((run, index) =>
        run.match ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 font-semibold text-inherit">
            {run.text}
          </mark>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}
