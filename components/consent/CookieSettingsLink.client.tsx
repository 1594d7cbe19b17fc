'use client';

import { OPEN_CONSENT_SETTINGS_EVENT } from '@/lib/consent/events';

/**
 * "Cookie settings" in the footer: a link to the settings page (which works without
 * JavaScript); with JavaScript it opens the settings at the top of this page instead.
 */
export function CookieSettingsLink({ href, label, className }: { href: string; label: string; className: string }) {
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        window.dispatchEvent(new Event(OPEN_CONSENT_SETTINGS_EVENT));
      }}
    >
      {label}
    </a>
  );
}
