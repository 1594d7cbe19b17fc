import fs from 'node:fs';
import { z } from 'zod';
import type { AuthorRecord, ChannelRecord } from '../db/content-write';
import { isSlug } from '../routing/rules';
import { slugSchema } from './article-input';

/*
 * channels.json and authors.json, validated: a channel named like a fixed page (`about`) or an
 * internal segment would be silently unreachable, so it is refused with the file and the
 * reason, before anything is written.
 */

const bilingual = (max: number) => z.object({ en: z.string().trim().min(1).max(max), zh: z.string().trim().min(1).max(max) });

const channelsFileSchema = z.array(
  z
    .object({
      slug: slugSchema,
      /** Position in the header; `position` is accepted as a synonym (older exports). */
      order: z.number().int().optional(),
      position: z.number().int().optional(),
      name: bilingual(60),
      description: bilingual(300),
    })
    .refine((channel) => channel.order !== undefined || channel.position !== undefined, 'order is required'),
);

const authorsFileSchema = z.array(
  z.object({
    slug: z.string().refine(isSlug, 'lowercase letters, digits and hyphens'),
    name: bilingual(100),
    bio: z.object({ en: z.string().trim().max(600), zh: z.string().trim().max(600) }),
  }),
);

function readJsonFile<T>(file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not readable JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export function readChannelsFile(file: string): ChannelRecord[] {
  return readJsonFile(file, channelsFileSchema).map(({ slug, order, position, name, description }) => ({
    slug,
    position: (order ?? position)!,
    name,
    description,
  }));
}

export function readAuthorsFile(file: string): AuthorRecord[] {
  return readJsonFile(file, authorsFileSchema);
}
