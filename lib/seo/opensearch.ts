import { getTranslations } from 'next-intl/server';
import { htmlLang, type Locale } from '../i18n/locales';
import { paths } from '../i18n/paths';
import { siteName } from '../site';
import { absoluteUrl } from './absolute-url';
import { emptyElement, parentElement, textElement, XML_DECLARATION } from './xml';

/*
 * The OpenSearch description of one language's search (https://github.com/dewitt/opensearch),
 * which lets a browser offer "search this site" from its address bar. One per language: a
 * description holds one search page, and each language's readers want their own.
 */

export const OPENSEARCH_CONTENT_TYPE = 'application/opensearchdescription+xml; charset=utf-8';

/** The search page's address with OpenSearch's placeholder where the words go. */
export function searchUrlTemplate(locale: Locale, placeholder: string): string {
  return `${absoluteUrl(paths.search(locale))}?q=${placeholder}`;
}

export async function renderOpenSearchDescription(locale: Locale): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'Search' });
  const name = siteName(locale);
  return (
    XML_DECLARATION +
    parentElement(
      'OpenSearchDescription',
      [
        // ShortName is limited to 16 characters by the specification.
        textElement('ShortName', [...name].slice(0, 16).join('')),
        textElement('Description', t('openSearchDescription', { site: name })),
        textElement('InputEncoding', 'UTF-8'),
        textElement('Language', htmlLang[locale]),
        textElement('Image', absoluteUrl('/favicon.ico'), { width: 16, height: 16, type: 'image/x-icon' }),
        emptyElement('Url', { type: 'text/html', method: 'get', template: searchUrlTemplate(locale, '{searchTerms}') }),
        emptyElement('Url', {
          type: 'application/opensearchdescription+xml',
          rel: 'self',
          template: absoluteUrl(paths.openSearch(locale)),
        }),
        textElement('moz:SearchForm', absoluteUrl(paths.search(locale))),
      ],
      { xmlns: 'http://a9.com/-/spec/opensearch/1.1/', 'xmlns:moz': 'http://www.mozilla.org/2006/browser/search/', 'xml:lang': htmlLang[locale] },
    )
  );
}
