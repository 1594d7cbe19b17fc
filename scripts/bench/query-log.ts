import fs from 'node:fs';

/*
 * The server appends every SQL statement to DB_QUERY_LOG. Background work is left out of the
 * count: the proxy's once-a-second "has the content changed?" probe (PRAGMA data_version) and
 * statements marked `/* background *\/` (the publishing scheduler). What remains ran for requests.
 */

export function isRequestQuery(line: string): boolean {
  return line !== '' && !line.startsWith('PRAGMA data_version') && !line.includes('/* background */');
}

/** A position in the log; `requestQueriesSince` counts what was appended after it. */
export function logPosition(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export function requestQueriesSince(file: string, position: number): number {
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const length = fs.fstatSync(fd).size - position;
      const buffer = Buffer.alloc(Math.max(0, length));
      fs.readSync(fd, buffer, 0, buffer.length, position);
      text = buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return 0;
  }
  return text.split('\n').filter(isRequestQuery).length;
}
