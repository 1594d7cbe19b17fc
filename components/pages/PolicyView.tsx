import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { FormattedDate } from '../ui/FormattedDate';
import { TextPage, TextSection } from './TextPage';

type PolicySection = { title: string; body: string };

/** The privacy statement or the terms of use: sections from the message catalogue. */
export function PolicyView({ namespace, updatedAt }: { namespace: 'Privacy' | 'Terms'; updatedAt: string }) {
  const t = useTranslations(namespace);
  const locale = useLocale() as Locale;
  const sections = t.raw('sections') as PolicySection[];
  return (
    <TextPage title={t('title')} lead={<p>{t.rich('updated', { date: () => <FormattedDate locale={locale} value={updatedAt} /> })}</p>}>
      {sections.map((section) => (
        <TextSection key={section.title} title={section.title}>
          <p>{section.body}</p>
        </TextSection>
      ))}
    </TextPage>
  );
}
