import { NextResponse, type NextRequest } from 'next/server';
import { getChannel, listChannelArticles } from '@/lib/content/articles';
import { isLocale } from '@/lib/i18n/locales';

/** One page of a channel as JSON, for the "Load more" button. */
export async function GET(request: NextRequest, { params }: RouteContext<'/api/channels/[channel]/articles'>) {
  const { channel } = await params;
  const locale = request.nextUrl.searchParams.get('locale');
  const pageParam = request.nextUrl.searchParams.get('page') ?? '1';
  if (!isLocale(locale) || !/^[1-9][0-9]{0,5}$/.test(pageParam)) {
    return NextResponse.json({ error: 'bad_request' }, { status: 400 });
  }
  if (!getChannel(locale, channel)) {
    return NextResponse.json({ error: 'not_found' }, { status: 404 });
  }
  const page = listChannelArticles({ locale, channel, page: Number(pageParam) });
  if (!page) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(page, {
    headers: { 'Cache-Control': 'public, max-age=60, s-maxage=60, stale-while-revalidate=300' },
  });
}
