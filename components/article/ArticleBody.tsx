/**
 * The stored body HTML. It is clean by construction (rendered from Markdown with raw HTML
 * escaped, or sanitized on ingest), so it is inserted as is.
 */
export function ArticleBody({ html }: { html: string }) {
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
