import { NextResponse, type NextRequest } from 'next/server';
import { getChannel, listChannelArticles } from '@/lib/content/articles';
import { errorResponse } from '@/lib/http/errors';
import { otherMethods } from '@/lib/http/methods';
import { isLocale } from '@/lib/i18n/locales';
import { parsePageNumber } from '@/lib/routing/rules';

/** One page of a channel as JSON, for the "Load more" button. */
export async function GET(request: NextRequest, { params }: RouteContext<'/api/channels/[channel]/articles'>) {
  const { channel } = await params;
  const locale = request.nextUrl.searchParams.get('locale');
  const page = parsePageNumber(request.nextUrl.searchParams.get('page') ?? '1');
  if (!isLocale(locale) || page === null) {
    return errorResponse('bad_request', 'locale must be en or zh, and page a number from 1');
  }
  if (!(await getChannel(locale, channel))) return errorResponse('not_found', 'no such channel');
  const articles = await listChannelArticles({ locale, channel, page });
  if (!articles) return errorResponse('not_found', 'no such page of this channel');
  return NextResponse.json(articles, {
    headers: { 'Cache-Control': 'public, max-age=60, s-maxage=60, stale-while-revalidate=300' },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
