import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/**
 * Picture hosts of the newsroom system (IMAGE_REMOTE_HOSTS, comma-separated). Read when the
 * server starts: adding a host needs a restart, not a rebuild. See docs/decisions/0008.
 */
const remoteHosts = (process.env.IMAGE_REMOTE_HOSTS ?? '')
  .split(',')
  .map((host) => host.trim().toLowerCase())
  .filter(Boolean);

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never clobber (or reuse) a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // A CDN may serve a stale page for at most a day while it revalidates (default: a year).
  expireTime: 86400,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3'],
  experimental: {
    // The contact form is the only server action: 5,000 characters of message fit many times.
    serverActions: { bodySizeLimit: '64kb' },
  },
  async headers() {
    // The staff area: never indexed, never stored by a browser or proxy (pages also say noindex in <meta>).
    const staff = [
      { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
      { key: 'Cache-Control', value: 'private, no-store' },
    ];
    return [
      { source: '/admin', headers: staff },
      { source: '/admin/:path*', headers: staff },
    ];
  },
  images: {
    // Lead images are at most 1600 px wide; no need to offer 3840 px variants.
    deviceSizes: [390, 640, 828, 1080, 1200, 1600],
    imageSizes: [96, 160, 256, 320],
    // WebP only: AVIF encodes several times slower on a cold cache and these are photos.
    formats: ['image/webp'],
    minimumCacheTTL: 31536000,
    remotePatterns: remoteHosts.map((hostname) => ({ protocol: 'https' as const, hostname, pathname: '/**' })),
  },
};

export default withNextIntl(nextConfig);
