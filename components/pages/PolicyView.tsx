import { useTranslations } from 'next-intl';
import { FormattedDate } from '../ui/FormattedDate';
import { TextPage, TextSection } from './TextPage';

type PolicySection = { title: string; body: string };

/** The privacy statement or the terms of use: sections from the message catalogue. */
export function PolicyView({ namespace, updatedAt }: { namespace: 'Privacy' | 'Terms'; updatedAt: string }) {
  const t = useTranslations(namespace);
  const sections = t.raw('sections') as PolicySection[];
  return (
    <TextPage title={t('title')} lead={<p>{t.rich('updated', { date: () => <FormattedDate value={updatedAt} /> })}</p>}>
      {sections.map((section) => (
        <TextSection key={section.title} title={section.title}>
          <p>{section.body}</p>
        </TextSection>
      ))}
    </TextPage>
  );
}
