/*
 * The few pieces every XML document of the site (sitemaps, feeds) is made of. All text and
 * every attribute value goes through escapeXml: headlines come from the newsroom and may hold
 * anything, including characters XML 1.0 cannot carry at all.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Everything outside XML 1.0's Char production: C0 controls other than tab, newline and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. Even escaped (&#1;) they are not allowed.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** XML's own five entities: every XML parser knows them, small feed parsers included. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value, safe to put between tags or in quotes. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

export type XmlAttributes = Record<string, string | number | null | undefined>;

function attributes(attrs: XmlAttributes): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** `<name attr="…">text</name>`, text escaped. */
export function textElement(name: string, text: string | number, attrs: XmlAttributes = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(String(text))}</${name}>`;
}

/** `<name attr="…"/>`. */
export function emptyElement(name: string, attrs: XmlAttributes): string {
  return `<${name}${attributes(attrs)}/>`;
}

/** `<name attr="…">children</name>`: children are markup built with these helpers. */
export function parentElement(name: string, children: string[], attrs: XmlAttributes = {}): string {
  return `<${name}${attributes(attrs)}>${children.join('')}</${name}>`;
}
