import { NextResponse, type NextRequest } from 'next/server';
import { getChannel, listChannelArticles } from '@/lib/content/articles';
import { errorResponse } from '@/lib/http/errors';
import { otherMethods } from '@/lib/http/methods';
import { isLocale } from '@/lib/i18n/locales';

/** One page of a channel as JSON, for the "Load more" button. */
export async function GET(request: NextRequest, { params }: RouteContext<'/api/channels/[channel]/articles'>) {
  const { channel } = await params;
  const locale = request.nextUrl.searchParams.get('locale');
  const pageParam = request.nextUrl.searchParams.get('page') ?? '1';
  if (!isLocale(locale) || !/^[1-9][0-9]{0,5}$/.test(pageParam)) {
    return errorResponse('bad_request', 'locale must be en or zh, and page a number from 1');
  }
  if (!getChannel(locale, channel)) return errorResponse('not_found', 'no such channel');
  const page = listChannelArticles({ locale, channel, page: Number(pageParam) });
  if (!page) return errorResponse('not_found', 'no such page of this channel');
  return NextResponse.json(page, {
    headers: { 'Cache-Control': 'public, max-age=60, s-maxage=60, stale-while-revalidate=300' },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
