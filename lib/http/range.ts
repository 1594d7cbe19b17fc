/*
 * Byte ranges of static files (RFC 9110, section 14). Next.js serves public/ and /_next/static
 * files through `send`, which answers an unsatisfiable range (`bytes=99999999-`), a reversed
 * one (`bytes=5-2`), a suffix longer than the file (`bytes=-99999999`) and garbage
 * (`bytes=x`) with an error Next.js turns into a 500. The production server asks here first
 * (server/main.ts), with the file's size, and passes `send` only a range it serves right.
 */

export type RangeDecision =
  /** No Range, or one to ignore (invalid, another unit, several ranges): the whole file, 200. */
  | { kind: 'whole' }
  /** One satisfiable range, as `send` should serve it (206): `bytes=first-last`, within the file. */
  | { kind: 'part'; header: string }
  /** Valid, but no range overlaps the file: 416 with `Content-Range: bytes *\/size`. */
  | { kind: 'unsatisfiable' };

const INT_RANGE = /^(\d+)-(\d*)$/;
const SUFFIX_RANGE = /^-(\d+)$/;

/**
 * What to do with a request's Range header for a file of `size` bytes.
 *
 * - Invalid syntax (anything the grammar does not produce, `bytes=5-2` included: a last
 *   position before the first) or a unit other than bytes: ignored, the whole file.
 * - Several ranges: the whole file as well (a server may ignore Range; one 200 costs less than
 *   a multipart answer and cannot be used to multiply the work), unless none is satisfiable.
 * - One range: clamped to the file, a suffix longer than the file meaning all of it.
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'whole' };
  const match = /^bytes=(.+)$/i.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const specs = match[1]!.split(',').map((spec) => spec.trim());
  // Positions past 2^53 are not a size any file here has: treat them as "past the end".
  const ranges: { first: number; last: number }[] = [];
  for (const spec of specs) {
    const int = INT_RANGE.exec(spec);
    const suffix = SUFFIX_RANGE.exec(spec);
    if (int) {
      const first = Number(int[1]);
      const last = int[2] === '' ? Infinity : Number(int[2]);
      if (last < first) return { kind: 'whole' };
      if (first < size) ranges.push({ first, last: Math.min(last, size - 1) });
    } else if (suffix) {
      const length = Number(suffix[1]);
      if (length > 0 && size > 0) ranges.push({ first: Math.max(0, size - length), last: size - 1 });
    } else {
      return { kind: 'whole' };
    }
  }
  if (ranges.length === 0) return { kind: 'unsatisfiable' };
  if (specs.length > 1) return { kind: 'whole' };
  const [{ first, last }] = ranges as [{ first: number; last: number }];
  return { kind: 'part', header: `bytes=${first}-${last}` };
}
