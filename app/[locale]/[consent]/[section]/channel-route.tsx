import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { ChannelView } from '@/components/section/ChannelView';
import { JsonLd } from '@/components/seo/JsonLd';
import { getChannelPage, listChannels } from '@/lib/content/articles';
import { listMostRead } from '@/lib/content/most-read';
import type { Locale } from '@/lib/i18n/locales';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { channelCrumbs } from '@/lib/seo/crumbs';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';

/*
 * Shared by the two channel routes (page 1 at /{locale}/{section}, later pages behind the
 * proxy's ?page=N rewrite): not a route file itself.
 */

export async function ChannelRoute({ locale, section, page }: { locale: Locale; section: string; page: number }) {
  const data = getChannelPage(locale, section, page);
  if (!data) notFound();
  const other = otherLocale(locale);
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      activeChannel={section}
      languageTarget={{ locale: other, href: paths.channel(other, section), kind: 'channel' }}
    >
      <ChannelView
        locale={locale}
        channel={data.channel}
        page={data.page}
        mostRead={listMostRead(locale, { channel: data.channel.slug })}
      />
      <JsonLd data={breadcrumbJsonLd(await channelCrumbs(locale, data.channel, page))} />
    </PageShell>
  );
}
