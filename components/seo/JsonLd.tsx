import { serializeJsonLd } from '@/lib/seo/json-ld';

/** Structured data for crawlers; the serializer keeps the text from closing the element. */
export function JsonLd({ data }: { data: Record<string, unknown> | Record<string, unknown>[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
