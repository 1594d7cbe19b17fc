'use client';

import { useEffect } from 'react';
import { currentConsent, readConsentCookie } from '@/lib/consent/cookie';
import { CONSENT_CHANGE_EVENT, type ConsentChangeDetail } from '@/lib/consent/events';

/**
 * Counts one view of an article, first party, only with statistics consent: nothing is sent
 * before a choice, after a refusal, or without JavaScript. Consent given while reading counts
 * the article being read.
 */
export function ViewCounter({ articleId }: { articleId: number }) {
  useEffect(() => {
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      // keepalive: the count survives the reader leaving the page at once.
      void fetch('/api/views', {
        method: 'POST',
        body: JSON.stringify({ id: articleId }),
        headers: { 'Content-Type': 'application/json' },
        keepalive: true,
      }).catch(() => undefined);
    };
    if (currentConsent(readConsentCookie(document.cookie))?.statistics) send();
    const onChange = (event: Event) => {
      if ((event as CustomEvent<ConsentChangeDetail>).detail.statistics) send();
    };
    window.addEventListener(CONSENT_CHANGE_EVENT, onChange);
    return () => window.removeEventListener(CONSENT_CHANGE_EVENT, onChange);
  }, [articleId]);
  return null;
}
