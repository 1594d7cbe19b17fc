import { env } from '../env';

/*
 * Which picture addresses the site shows, for lead pictures and pictures inside a body alike
 * (issue 14): its own files, or https on a host the site chose (IMAGE_REMOTE_HOSTS,
 * docs/decisions/0008). Anything else would make readers' browsers call a host the site never
 * chose (a tracking pixel); the Content-Security-Policy's img-src lists the same hosts.
 */

/**
 * A path under public/: never `//host`, and only characters that mean the same to every URL
 * parser (a browser reads `/\host` and `/<tab>/host` as another host).
 */
export const SITE_PATH = /^\/(?!\/)[A-Za-z0-9._~\-/%]+$/;

/** What is wrong with a picture address, or null when the site may show it. */
export function pictureSourceProblem(src: string, hosts: readonly string[] = env.IMAGE_REMOTE_HOSTS): string | null {
  if (SITE_PATH.test(src)) return null;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return 'a site path such as /images/… or an https URL';
  }
  if (url.protocol !== 'https:') return 'a site path such as /images/… or an https URL';
  if (url.username || url.password || url.port) return 'an https URL without credentials or port';
  // The hosts next.config.ts lets the image optimizer fetch from.
  if (!hosts.includes(url.hostname.toLowerCase())) return `pictures from ${url.hostname} are not allowed (IMAGE_REMOTE_HOSTS)`;
  return null;
}
