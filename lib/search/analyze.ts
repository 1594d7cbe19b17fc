import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { stemmer } from 'stemmer';

/*
 * The one analyzer of search (issue 16, docs/decisions/0019-search.md): every text that goes
 * into the index and every query comes out of here as the same kind of token, so each engine
 * only has to split on spaces (SQLite FTS5 unicode61) or take the tokens as they are
 * (PostgreSQL tsvector/tsquery literals). Nothing a reader types reaches an engine's query
 * syntax: only these tokens, which hold letters and digits and nothing else.
 */

/** A token longer than this is cut: PostgreSQL refuses lexemes over 2 KB, and no word is this long. */
const MAX_TOKEN_CHARS = 64;

/** Queries keep their first this many tokens: a pasted paragraph stays as cheap as a short query. */
export const SEARCH_MAX_TERMS = 16;

// Common function words: a query drops them (they match nearly every article) unless it holds
// nothing else ("the who" still searches). The index keeps them, so such queries can match.
const ENGLISH_STOPWORDS = new Set(
  `a an and are as at be but by for from has have he her his i in into is it its me my no not of on or our
  s she so t than that the their them then there these they this to was we were what when where which who
  will with you your`.split(/\s+/),
);
const CHINESE_STOPWORDS = new Set(['的', '了', '是', '在', '和', '与', '及', '也', '都', '就', '而', '之']);

const HAN = /\p{Script=Han}/u;
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
// A run of Han characters, or a run of other letters and digits (Latin, Cyrillic, kana…).
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

let jieba: Jieba | undefined;
/** Loading the dictionary takes about 0.4 s: once per process, at the first Chinese text. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * NFKC (full-width letters and digits become ASCII), lower case, accents dropped (NFKD, then
 * every combining mark removed), and anything that is not a letter or digit (including lone
 * surrogates and control characters) becomes a space.
 */
export function normalizeText(text: string): string {
  // Plain ASCII (most English text) comes out of the steps below lower-cased with everything but
  // letters and digits made spaces: done directly, as highlighting a body does for every word.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  return (
    text
      // Lone surrogates would make normalize() keep garbage; replace them first.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ')
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
  );
}

/** A non-Han word's index form: English words stemmed (Porter), numbers and other scripts as they are. */
export function wordToken(word: string): string {
  const token = /^[a-z]+$/.test(word) ? stemmer(word) : word;
  return token.slice(0, MAX_TOKEN_CHARS);
}

/** The words of a Han run as the index holds them: jieba's search segmentation plus every character. */
function hanIndexTokens(run: string): string[] {
  const words = segmenter()
    .cutForSearch(run, true)
    .filter((word) => word.length > 1 && HAN.test(word));
  // Single characters too, so a one-character query (渝) finds the compounds it is part of (成渝).
  return [...words.map((word) => word.slice(0, MAX_TOKEN_CHARS)), ...Array.from(run)];
}

/**
 * The tokens of a Han run in a query: the finest words jieba finds (a compound whose parts are
 * words too is dropped: 重庆火锅 → 重庆, 火锅, so "重庆的火锅" matches), and the characters no
 * word covers (渝 alone).
 */
function hanQueryTokens(run: string): string[] {
  const words = [...new Set(segmenter().cutForSearch(run, true))]
    .filter((word) => word.length > 1 && HAN.test(word))
    .map((word) => word.slice(0, MAX_TOKEN_CHARS));
  const covered = (word: string): boolean => {
    const parts = words.filter((other) => other.length < word.length && word.includes(other));
    // Whether the shorter words tile the whole compound.
    const reach = new Array<boolean>(word.length + 1).fill(false);
    reach[0] = true;
    for (let i = 0; i < word.length; i++) {
      if (!reach[i]) continue;
      for (const part of parts) if (word.startsWith(part, i)) reach[i + part.length] = true;
    }
    return reach[word.length]!;
  };
  const finest = words.filter((word) => !covered(word));
  const chars = Array.from(run).filter((char) => !finest.some((word) => word.includes(char)));
  return [...finest, ...chars];
}

/** The tokens of a text as the index stores them, in order (repeats kept: they count for ranking). */
export function analyzeText(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of normalizeText(text).matchAll(RUNS)) {
    if (HAN.test(run)) tokens.push(...hanIndexTokens(run));
    else tokens.push(wordToken(run));
  }
  return tokens;
}

/**
 * A reader's query as index tokens, each once, in order, at most SEARCH_MAX_TERMS: every one
 * must match. Stopwords are dropped unless nothing else is left. Empty: nothing to search for.
 */
export function analyzeQuery(query: string): string[] {
  // A query is short (SEARCH_QUERY_MAX_CHARS); longer input is cut here too, so no caller can
  // make the segmenter work through a whole page.
  const text = normalizeText(query.slice(0, 1000));
  const all: { token: string; stop: boolean }[] = [];
  for (const [run] of text.matchAll(RUNS)) {
    if (HAN.test(run)) {
      for (const token of hanQueryTokens(run)) all.push({ token, stop: CHINESE_STOPWORDS.has(token) });
    } else {
      all.push({ token: wordToken(run), stop: ENGLISH_STOPWORDS.has(run) });
    }
  }
  const kept = all.some((entry) => !entry.stop) ? all.filter((entry) => !entry.stop) : all;
  return [...new Set(kept.map((entry) => entry.token))].slice(0, SEARCH_MAX_TERMS);
}

/** The analyzed text of an article's three searched parts, tokens joined by spaces (lib/db/search.ts stores them). */
export interface SearchDocument {
  headline: string;
  summary: string;
  body: string;
}

/** An article's text (body as plain text) analyzed for the index. */
export function searchDocument(article: { headline: string; summary: string; bodyText: string }): SearchDocument {
  return {
    headline: analyzeText(article.headline).join(' '),
    summary: analyzeText(article.summary).join(' '),
    body: analyzeText(article.bodyText).join(' '),
  };
}

export function isHanToken(token: string): boolean {
  return HAN.test(token);
}
