import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { env } from './lib/env';
import { HSTS_HEADER, PRIVATE_NO_STORE, SECURITY_HEADERS } from './lib/http/headers';
import { FORM_ACTION_LIMIT } from './lib/http/page-post';
import { IMAGE_DEVICE_SIZES, IMAGE_QUALITY, IMAGE_SIZES } from './lib/images';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never clobber (or reuse) a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The production server (server/main.ts) compresses, after hashing each page's inline
  // scripts into its Content-Security-Policy.
  compress: false,
  // A CDN may serve a stale page for at most a day while it revalidates (default: a year).
  expireTime: 86400,
  reactStrictMode: true,
  // Native or optional-native drivers: loaded from node_modules at run time, not bundled.
  // Native addons (and jieba's dictionary loader) stay plain Node requires, not bundled.
  serverExternalPackages: ['better-sqlite3', 'pg', '@node-rs/jieba'],
  experimental: {
    // The contact form is the only server action; proxy.ts refuses larger page posts first.
    serverActions: { bodySizeLimit: FORM_ACTION_LIMIT },
    // Next.js copies a page post's body for proxy.ts, up to 10 MB by default: no page takes more
    // than the form's limit (proxy.ts refuses larger posts), so no copy needs to be larger.
    proxyClientMaxBodySize: FORM_ACTION_LIMIT,
  },
  async headers() {
    // The staff area: never indexed, never stored by a browser or proxy (pages also say noindex in <meta>).
    const staff = [
      { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
      { key: 'Cache-Control', value: PRIVATE_NO_STORE['Cache-Control'] },
    ];
    // On every response (the Content-Security-Policy is added by server/main.ts: decision 0010).
    const everywhere = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [
      { source: '/:path*', headers: everywhere },
      // Only when the request came over https (the proxy in front says so): a plain-http
      // development server must not pin browsers to https.
      {
        source: '/:path*',
        has: [{ type: 'header' as const, key: 'x-forwarded-proto', value: 'https' }],
        headers: Object.entries(HSTS_HEADER).map(([key, value]) => ({ key, value })),
      },
      { source: '/admin', headers: staff },
      { source: '/admin/:path*', headers: staff },
    ];
  },
  images: {
    // Lead images are at most 1600 px wide; no need to offer 3840 px variants. Shared with the
    // pages' srcset (lib/images.ts).
    deviceSizes: IMAGE_DEVICE_SIZES,
    imageSizes: IMAGE_SIZES,
    qualities: [IMAGE_QUALITY],
    // WebP only: AVIF encodes several times slower on a cold cache and these are photos.
    formats: ['image/webp'],
    minimumCacheTTL: 31536000,
    // Picture hosts of the newsroom system, read when the server starts: adding one needs a
    // restart, not a rebuild (docs/decisions/0008).
    remotePatterns: env.IMAGE_REMOTE_HOSTS.map((hostname) => ({ protocol: 'https' as const, hostname, pathname: '/**' })),
  },
};

export default withNextIntl(nextConfig);
