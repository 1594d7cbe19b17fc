/** "Headline | Site name": every page's <title> (pages give it whole, not through a layout template). */
export function documentTitle(title: string, name: string): string {
  return `${title} | ${name}`;
}
