import { z } from 'zod';
import { locales } from '../i18n/locales';
import { RESERVED_NAMES, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../routing/rules';

/** A channel's or an article's slug: the address rule of lib/routing, minus the site's own names. */
export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(SLUG_MAX_LENGTH)
  .regex(SLUG_PATTERN, 'lowercase letters, digits and hyphens')
  .refine((s) => !RESERVED_NAMES.has(s), 'reserved word');
const slug = slugSchema;

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * One article as it arrives from outside (Markdown files, the seed generator, later the
 * newsroom API). Validated once here; the database layer trusts it.
 */
export const articleInputSchema = z.object({
  id: z.string().trim().min(1).max(100),
  locale: z.enum(locales),
  section: slug,
  slug,
  headline: z.string().trim().min(1).max(300),
  series: z.string().trim().min(1).max(60).optional(),
  summary: z.string().trim().min(1).max(600),
  bodyHtml: z.string().min(1),
  authors: z.array(z.object({ name: z.string().trim().min(1).max(100) })).max(10).default([]),
  publishedAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
  image: z
    .object({
      src: z.string().trim().min(1).max(500),
      alt: z.string().trim().max(300).default(''),
      caption: z.string().trim().max(600).default(''),
      credit: z.string().trim().max(100).default(''),
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
    })
    .optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  translationOf: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['published', 'draft', 'withdrawn']).default('published'),
});

export type ArticleInput = z.infer<typeof articleInputSchema>;
