import type { InboxMessage } from './inbox-types';

/**
 * CSV for spreadsheets (RFC 4180: every cell quoted, quotes doubled, CRLF between rows).
 * A cell that starts like a formula (=, +, -, @, or a tab/CR that some programs skip) gets a
 * leading apostrophe, so a reader's message cannot become a formula in Excel or LibreOffice.
 * Control characters never reach the file.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Control characters other than tab and line breaks: shown as U+FFFD, never written raw. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function csvCell(value: string | number): string {
  // Messages stored before the form refused control characters may still hold some.
  let text = String(value).replace(CONTROL, '\uFFFD');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(cells: (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** UTF-8 byte order mark: without it Excel reads the file in the local code page and garbles Chinese. */
export const CSV_BOM = '\uFEFF';

export const INBOX_CSV_HEADER = ['reference', 'received', 'status', 'locale', 'topic', 'name', 'email', 'message'];

export function inboxCsvRow(message: InboxMessage): string {
  return csvRow([
    message.reference,
    new Date(message.receivedMs).toISOString(),
    message.status,
    message.locale,
    message.topic,
    message.name,
    message.email,
    message.message,
  ]);
}
