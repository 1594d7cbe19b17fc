import { NextResponse, type NextRequest } from 'next/server';
import { getChannel, listChannelArticles } from '@/lib/content/articles';
import { isLocale } from '@/lib/i18n/locales';
import { parsePageNumber } from '@/lib/routing/rules';

/** One page of a channel as JSON, for the "Load more" button. */
export async function GET(request: NextRequest, { params }: RouteContext<'/api/channels/[channel]/articles'>) {
  const { channel } = await params;
  const locale = request.nextUrl.searchParams.get('locale');
  const page = parsePageNumber(request.nextUrl.searchParams.get('page') ?? '1');
  if (!isLocale(locale) || page === null) {
    return NextResponse.json({ error: 'bad_request' }, { status: 400 });
  }
  if (!getChannel(locale, channel)) {
    return NextResponse.json({ error: 'not_found' }, { status: 404 });
  }
  const articles = listChannelArticles({ locale, channel, page });
  if (!articles) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(articles, {
    headers: { 'Cache-Control': 'public, max-age=60, s-maxage=60, stale-while-revalidate=300' },
  });
}
