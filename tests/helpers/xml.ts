import { XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * Reading the site's XML documents back in tests: well-formedness first, then a plain object.
 * Attributes keep their names (no prefix); elements that may repeat are always arrays.
 */

const REPEATED = new Set(['url', 'sitemap', 'xhtml:link', 'item', 'dc:creator', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

/** Parses a document, failing with the validator's message when it is not well-formed. */
export function parseXml(xml: string) {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}

/** A streamed body as the chunks it arrived in; `afterEach` runs between them. */
export async function readChunks(stream: ReadableStream<Uint8Array>, afterEach?: () => unknown): Promise<string[]> {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(decoder.decode(read.value));
    await afterEach?.();
  }
  return chunks;
}

export interface AlternateLink {
  rel: string;
  hreflang: string;
  href: string;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: AlternateLink[];
}

export interface NewsSitemapUrl {
  loc: string;
  'news:news': {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

export interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; isPermaLink: string };
  pubDate: string;
  description: string;
  category?: string[];
  'dc:creator'?: string[];
  'media:content'?: { url: string; medium: string; type?: string; width?: string; height?: string };
}
