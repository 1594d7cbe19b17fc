import type { TextRun } from './types';
import { isHanToken, normalizeText, wordToken } from './analyze';

/*
 * Marking what matched in a headline or snippet. A displayed word is marked when its analyzed
 * form is one of the query's tokens ("Bridges" for the query "bridge"); in Chinese, each
 * occurrence of a query word (or character) is marked where it stands in the text.
 */

const HAN_RUN = /\p{Script=Han}+/u;
// Words as displayed: runs of letters, digits and combining marks, Han runs kept apart.
const DISPLAY_WORDS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

interface Span {
  start: number;
  end: number;
}

/** The spans of `text` that match the query's tokens. */
function matchedSpans(text: string, tokens: readonly string[]): Span[] {
  const latin = new Set(tokens.filter((token) => !isHanToken(token)));
  const han = tokens.filter(isHanToken);
  const spans: Span[] = [];
  // A body repeats its words: each distinct word is analyzed once.
  const latinMatch = new Map<string, boolean>();
  for (const found of text.matchAll(DISPLAY_WORDS)) {
    const word = found[0];
    const start = found.index;
    if (HAN_RUN.test(word)) {
      // Han characters keep their length through normalization (NFKC maps a compatibility
      // ideograph to one character), so an offset in the normalized run is one in the text.
      const normalized = normalizeText(word);
      if (normalized.length !== word.length) continue;
      for (const token of han) {
        for (let at = normalized.indexOf(token); at !== -1; at = normalized.indexOf(token, at + token.length)) {
          spans.push({ start: start + at, end: start + at + token.length });
        }
      }
    } else {
      // A displayed word may normalize to several (an apostrophe, a full-width form): any one matching marks it.
      let matched = latinMatch.get(word);
      if (matched === undefined) {
        matched = latin.size > 0 && normalizeText(word).split(' ').some((part) => part !== '' && latin.has(wordToken(part)));
        latinMatch.set(word, matched);
      }
      if (matched) spans.push({ start, end: start + word.length });
    }
  }
  return spans;
}

/** `text` as runs, matched stretches marked; overlapping matches merge. */
export function markMatches(text: string, tokens: readonly string[]): TextRun[] {
  const spans = matchedSpans(text, tokens).sort((a, b) => a.start - b.start);
  const runs: TextRun[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    if (start > at) runs.push({ text: text.slice(at, start), match: false });
    const last = runs.at(-1);
    if (last?.match && start === at) last.text += text.slice(start, span.end);
    else runs.push({ text: text.slice(start, span.end), match: true });
    at = span.end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), match: false });
  return runs;
}

/** About 30 English words or 80 Chinese characters. */
const SNIPPET_UNITS = 30;
/** A Han character counts as 30/80 of a word. */
const HAN_UNIT = 30 / 80;
/** How much of a text is searched for matches first (characters). */
const SCAN_CHARS = 1500;
/** How far a stretch cut inside a word reaches back (longer than any Chinese query word). */
const HAN_OVERLAP = 16;
/** Context shown before the first match of the window. */
const LEAD_UNITS = 6;

interface Unit {
  start: number;
  end: number;
  weight: number;
}

/** Words and Han characters of a text, with their offsets. */
function units(text: string): Unit[] {
  const list: Unit[] = [];
  for (const found of text.matchAll(/\p{Script=Han}|(?:(?!\p{Script=Han})[^\s])+/gu)) {
    list.push({ start: found.index, end: found.index + found[0].length, weight: HAN_RUN.test(found[0]) ? HAN_UNIT : 1 });
  }
  return list;
}

/**
 * About 30 words (80 Chinese characters) of `text` around the stretch with the most matches,
 * as marked runs, with an ellipsis where text was cut. The opening when nothing matches.
 */
export function snippetRuns(fullText: string, tokens: readonly string[]): TextRun[] {
  // Most matches are near the top (the summary comes first): the text is read a stretch at a
  // time, up to the first stretch with a match, rather than a whole long body (which would cost
  // more than the query itself). The window is then the best in what was read.
  const spans: Span[] = [];
  let read = 0;
  while (read < fullText.length && spans.length === 0) {
    // A stretch ends at a space in its second half; Chinese has none, so the next stretch
    // starts a little before the cut, and a word the cut split is still found whole.
    const limit = read + SCAN_CHARS;
    const space = limit >= fullText.length ? -1 : fullText.lastIndexOf(' ', limit);
    const cut = limit >= fullText.length ? fullText.length : space > read + SCAN_CHARS / 2 ? space : limit;
    const from = read > 0 && fullText[read - 1] !== ' ' && fullText[read] !== ' ' ? Math.max(0, read - HAN_OVERLAP) : read;
    for (const span of matchedSpans(fullText.slice(from, cut), tokens)) spans.push({ start: span.start + from, end: span.end + from });
    read = cut;
  }
  const text = fullText.slice(0, read);
  const all = units(text);
  if (all.length === 0) return [];
  // Spans come in text order (per word; within a Han run, per token): sorted, one walk marks the units.
  spans.sort((a, b) => a.start - b.start);
  let next = 0;
  const matched = all.map((unit) => {
    while (next < spans.length && spans[next]!.end <= unit.start) next++;
    for (let k = next; k < spans.length && spans[k]!.start < unit.end; k++) if (spans[k]!.end > unit.start) return true;
    return false;
  });
  // Try starting a little before each matched unit; keep the window with the most matched units.
  let best = { from: 0, score: -1 };
  for (let i = 0; i < all.length; i++) {
    if (!matched[i]) continue;
    let from = i;
    for (let lead = 0; from > 0 && lead + all[from - 1]!.weight <= LEAD_UNITS; from--) lead += all[from - 1]!.weight;
    let score = 0;
    for (let j = from, size = 0; j < all.length && size + all[j]!.weight <= SNIPPET_UNITS; j++) {
      size += all[j]!.weight;
      if (matched[j]) score++;
    }
    if (score > best.score) best = { from, score };
  }
  let to = best.from;
  for (let size = 0; to < all.length && size + all[to]!.weight <= SNIPPET_UNITS; to++) size += all[to]!.weight;
  const start = all[best.from]!.start;
  const end = all[to - 1]!.end;
  const runs = markMatches(text.slice(start, end), tokens);
  // Chinese runs on without spaces: its ellipsis does too.
  if (start > 0) runs.unshift({ text: HAN_RUN.test(text[start]!) ? '…' : '… ', match: false });
  if (end < fullText.length) runs.push({ text: HAN_RUN.test(text[end - 1]!) ? '…' : ' …', match: false });
  return runs;
}
