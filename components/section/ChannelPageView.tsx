import type { ChannelPage } from '@/lib/content/pages';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { PageShell } from '../layout/PageShell';
import { JsonLd } from '../seo/JsonLd';
import { ChannelView } from './ChannelView';

/** One page of a channel, with its breadcrumb trail for crawlers. */
export function ChannelPageView({ data }: { data: ChannelPage }) {
  return (
    <PageShell locale={data.locale} activeChannel={data.channel.slug} languageTarget={data.language}>
      <ChannelView locale={data.locale} channel={data.channel} page={data.page} mostRead={data.mostRead} />
      <JsonLd data={breadcrumbJsonLd(data.crumbs)} />
    </PageShell>
  );
}
