import sanitizeHtml from 'sanitize-html';

/*
 * Article bodies from the newsroom system are cleaned on the way in with an allow-list:
 * the tags and attributes of an article and nothing else. Scripts, styles, event handlers,
 * iframes and `javascript:`/`data:` URLs are dropped; links keep http(s) and mailto only;
 * pictures must be site paths or https URLs.
 */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'u', 's', 'sub', 'sup',
      'a', 'br', 'hr', 'figure', 'figcaption', 'img', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
    ],
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
      th: ['scope', 'colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['https', 'http', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Script and style contents are dropped, not kept as text.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
    // A picture stays only with a site path or an https address.
    exclusiveFilter: (frame) => frame.tag === 'img' && !/^(\/(?!\/)|https:\/\/)/.test(frame.attribs.src ?? ''),
  });
}
