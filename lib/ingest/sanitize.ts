import sanitizeHtml from 'sanitize-html';
import { env } from '../env';
import { pictureSourceProblem } from './pictures';

/*
 * Article bodies from the newsroom system (and content files) are cleaned on the way in with an
 * allow-list: the tags and attributes of an article and nothing else. Scripts, styles, event
 * handlers, iframes and `javascript:`/`data:` URLs are dropped; links keep http(s) and mailto
 * only; pictures follow the lead picture's rule (./pictures.ts): a site path, or https on a host
 * in IMAGE_REMOTE_HOSTS. Others are removed, and said so.
 */

export interface CleanBody {
  html: string;
  /** The address of each picture removed by the picture rule ('' when it had none left). */
  removedPictures: string[];
}

export function cleanBodyHtml(html: string, pictureHosts: readonly string[] = env.IMAGE_REMOTE_HOSTS): CleanBody {
  const removedPictures: string[] = [];
  const clean = sanitizeHtml(html, {
    allowedTags: [
      'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'u', 's', 'sub', 'sup',
      'a', 'br', 'hr', 'figure', 'figcaption', 'img', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
    ],
    allowedAttributes: {
      a: ['href', 'title'],
      // No srcset: each of its addresses would need the same check as src.
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
    // A picture stays only where the site may show it (its src is gone when its scheme was refused).
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img') return false;
      const src = frame.attribs.src ?? '';
      if (src && pictureSourceProblem(src, pictureHosts) === null) return false;
      removedPictures.push(src);
      return true;
    },
  });
  return { html: clean, removedPictures };
}

/** The cleaned body alone (content files, where nobody reads a warning). */
export function sanitizeBodyHtml(html: string, pictureHosts?: readonly string[]): string {
  return cleanBodyHtml(html, pictureHosts).html;
}
