import path from 'node:path';
import { z } from 'zod';
import { TrustedProxies } from './http/client-ip';

/**
 * The one place that reads process.env. Everything else imports `env`.
 * Values are validated once; a bad value stops the process with a clear message
 * instead of surfacing later as a broken page.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z
    .string()
    .url()
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  DATABASE_PATH: z.string().min(1).default('data/portal.db'),
  /** postgres://user:password@host:port/name: run on that PostgreSQL database instead of DATABASE_PATH. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Connections each instance may hold to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_QUERY_LOG: z.string().optional(),
  /** The least severe log line written to stdout (JSON, one line each; lib/log.ts). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SITE_NAME_EN: z.string().min(1).optional(),
  SITE_NAME_ZH: z.string().min(1).optional(),
  SITE_EMAIL: z.string().email().optional(),
  SITE_HOTLINE: z.string().min(1).optional(),
  SITE_ICP: z.string().min(1).optional(),
  SITE_ICP_URL: z.string().url().optional(),
  SITE_NEWS_LICENCE: z.string().min(1).optional(),
  /** The newsroom system's key for PUT/GET/DELETE /api/v1/articles/{id}; unset: the API is closed. */
  INGEST_TOKEN: z.string().min(16).optional(),
  /**
   * Hosts whose https pictures the site shows through its image optimizer: the ingest API
   * accepts them and next.config.ts lets the optimizer fetch from them (docs/decisions/0008).
   * Comma-separated in the environment; here lower-cased, without blanks.
   */
  IMAGE_REMOTE_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * Proxies whose X-Forwarded-For is believed (lib/http/client-ip.ts): comma-separated IP
   * addresses or CIDR networks. The default is loopback, where the shipped nginx edge runs;
   * a request from anywhere else is the client itself, whatever it says it forwards.
   */
  /**
   * Searches one client may make per 10 seconds (page and API together, per instance:
   * lib/search/rate-limit.ts); 0 turns the limit off (a load test from one address).
   */
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(30),
  TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1,::1')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => {
        try {
          new TrustedProxies(entries);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'IP addresses or CIDR networks, comma-separated' },
    ),
  /** Signs form tokens and salts IP hashes. Unset: a random secret kept beside the database. */
  APP_SECRET: z.string().min(32).optional(),
  /** Staff notification by email (optional): smtp://user:pass@host:port or smtps://… */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().email().optional(),
  /** Comma-separated addresses that are told about each new message. */
  STAFF_NOTIFY_TO: z.string().min(3).optional(),
});

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();

/** Where the data lives, for messages: the PostgreSQL URL without its password, or the SQLite file. */
export function databaseLabel(): string {
  return env.DATABASE_URL ? env.DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : databaseFile();
}

export function databaseFile(): string {
  // The database lives outside the build; keep the bundler from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATABASE_PATH);
}
