import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { pickMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { site, siteName } from '@/lib/site';
import { fixedPageLanguage } from '@/lib/content/pages';
import { PageShell } from '../layout/PageShell';
import { TextPage, TextSection } from '../pages/TextPage';
import { ContactForm } from './ContactForm.client';
import { initialContactState, type ContactFormState } from './form-state';

/** "Contact us": the form for leaving a message, the inquiries email and the hotline. */
export function ContactView({
  locale,
  formToken,
  sendMessage,
}: {
  locale: Locale;
  /** This visit's signed form token (lib/contact/token.ts). */
  formToken: string;
  /** The form's server action. */
  sendMessage: (state: ContactFormState, formData: FormData) => Promise<ContactFormState>;
}) {
  const t = useTranslations('Contact');
  return (
    <PageShell locale={locale} languageTarget={fixedPageLanguage(locale, paths.contact)}>
      <TextPage title={t('title')}>
        <p className="text-lg">{t('intro')}</p>
        <TextSection title={t('formTitle')}>
          <NextIntlClientProvider messages={pickMessages(locale, ['Contact'])}>
            <ContactForm
              action={sendMessage}
              initialState={initialContactState(formToken)}
              locale={locale}
              siteName={siteName(locale)}
              privacyHref={paths.privacy(locale)}
            />
          </NextIntlClientProvider>
        </TextSection>
        <TextSection title={t('emailTitle')}>
          <p>
            {t.rich('email', {
              email: () => (
                <a href={`mailto:${site.email}`} className="font-semibold text-brand-700 underline underline-offset-2">
                  {site.email}
                </a>
              ),
            })}
          </p>
        </TextSection>
        <TextSection title={t('hotlineTitle')}>
          <p>{t('hotline', { phone: site.hotline })}</p>
        </TextSection>
      </TextPage>
    </PageShell>
  );
}
