import { useTranslations } from 'next-intl';
import type { Tag } from '@/lib/content/types';

export function TagList({ tags }: { tags: Tag[] }) {
  const t = useTranslations('Article');
  if (tags.length === 0) return null;
  return (
    <section aria-labelledby="tags-heading" className="mt-8">
      <h2 id="tags-heading" className="sr-only">
        {t('tags')}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag.slug} className="rounded-full bg-ink-100 px-3 py-1 text-sm text-ink-800">
            {tag.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
