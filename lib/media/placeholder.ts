import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/**
 * Draws the demo pictures locally (no network): a river-city landscape whose colours and
 * shapes come from a hash of the file name, so the same name always gives the same picture.
 * Real photographs would replace these in production; the sizes are those of real photos.
 */

export const LEAD_SIZE = { width: 1600, height: 900 } as const;
export const FIGURE_SIZE = { width: 1200, height: 800 } as const;

const PALETTES: [string, string, string, string, string][] = [
  ['#0f2a44', '#f29e4c', '#2b5d7d', '#16324f', '#e4572e'],
  ['#23395d', '#f6d186', '#406e8e', '#152238', '#cb904d'],
  ['#3d2c5e', '#f7a072', '#6d597a', '#2a1e3f', '#eddea4'],
  ['#1b4332', '#d8f3dc', '#40916c', '#081c15', '#95d5b2'],
  ['#5c2a2a', '#f4d35e', '#8c4843', '#2e1414', '#ee964b'],
  ['#102542', '#cdd7d6', '#1f7a8c', '#0b132b', '#bfdbf7'],
];

function seeded(name: string): () => number {
  let state = crypto.createHash('sha256').update(name).digest().readUInt32LE(0) || 1;
  return () => {
    // xorshift32: deterministic, good enough for shapes
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 10_000) / 10_000;
  };
}

export function placeholderSvg(name: string, width: number, height: number): string {
  const rand = seeded(name);
  const [sky, glow, hills, city, accent] = PALETTES[Math.floor(rand() * PALETTES.length)]!;
  const ridge = (base: number, amp: number, color: string, opacity: number) => {
    const points: string[] = [`0,${height}`];
    const steps = 12;
    for (let i = 0; i <= steps; i++) {
      points.push(`${Math.round((i / steps) * width)},${Math.round(height * base - rand() * height * amp)}`);
    }
    points.push(`${width},${height}`);
    return `<polygon points="${points.join(' ')}" fill="${color}" fill-opacity="${opacity}"/>`;
  };
  const towers: string[] = [];
  let x = 0;
  while (x < width) {
    const w = Math.round(width * (0.02 + rand() * 0.05));
    const h = Math.round(height * (0.12 + rand() * 0.38));
    towers.push(`<rect x="${x}" y="${Math.round(height * 0.78) - h}" width="${w}" height="${h + 4}" fill="${city}"/>`);
    for (let wy = Math.round(height * 0.78) - h + 10; wy < height * 0.76; wy += 22) {
      if (rand() > 0.55) {
        towers.push(
          `<rect x="${x + 4}" y="${wy}" width="${Math.max(3, w - 8)}" height="5" fill="${glow}" fill-opacity="0.55"/>`,
        );
      }
    }
    x += w + Math.round(rand() * width * 0.01);
  }
  const sunX = Math.round(width * (0.15 + rand() * 0.7));
  const sunY = Math.round(height * (0.18 + rand() * 0.2));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${sky}"/><stop offset="0.75" stop-color="${glow}"/>
    </linearGradient>
    <linearGradient id="river" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hills}"/><stop offset="1" stop-color="${city}"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#sky)"/>
  <circle cx="${sunX}" cy="${sunY}" r="${Math.round(height * 0.07)}" fill="${accent}" fill-opacity="0.85"/>
  ${ridge(0.62, 0.22, hills, 0.55)}
  ${ridge(0.7, 0.15, hills, 0.85)}
  ${towers.join('')}
  <rect y="${Math.round(height * 0.78)}" width="${width}" height="${Math.round(height * 0.22)}" fill="url(#river)"/>
  ${ridge(0.95, 0.04, city, 0.6)}
</svg>`;
}

/** The size a demo picture is drawn at: lead pictures are wide, figures 3:2. */
export function placeholderSize(src: string): { width: number; height: number } {
  return /-lead\.[a-z]+$/.test(src) ? LEAD_SIZE : FIGURE_SIZE;
}

/**
 * Makes sure a picture exists for each `/images/...` path, drawing the missing ones into
 * `publicDir`. Returns how many were drawn.
 */
export async function ensurePlaceholderImages(publicDir: string, srcs: Iterable<string>): Promise<number> {
  let drawn = 0;
  for (const src of new Set(srcs)) {
    if (!src.startsWith('/images/') || src.includes('..')) continue;
    const file = path.join(publicDir, src);
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { width, height } = placeholderSize(src);
    await sharp(Buffer.from(placeholderSvg(src, width, height)))
      .jpeg({ quality: 80, mozjpeg: true })
      .toFile(file);
    drawn++;
  }
  return drawn;
}

/** Reads the pixel sizes of the given site images (those that exist). */
export async function readImageSizes(
  publicDir: string,
  srcs: Iterable<string>,
): Promise<Map<string, { width: number; height: number }>> {
  const sizes = new Map<string, { width: number; height: number }>();
  for (const src of new Set(srcs)) {
    if (!src.startsWith('/') || src.includes('..')) continue;
    const file = path.join(publicDir, src);
    if (!fs.existsSync(file)) continue;
    const meta = await sharp(file).metadata();
    if (meta.width && meta.height) sizes.set(src, { width: meta.width, height: meta.height });
  }
  return sizes;
}
