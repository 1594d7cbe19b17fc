import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/*
 * Next.js's rules (React, hooks, accessibility, Core Web Vitals, typescript-eslint's recommended
 * set) plus the boundaries between layers that STYLE.md draws. Why these boundaries, and how
 * each is enforced: docs/decisions/0012-boundaries.md. `npm run lint` fails on any finding,
 * warnings included.
 */

/** Every file the Next.js configs (and so the import plugin) apply to. */
const SOURCE = ['**/*.{js,jsx,mjs,ts,tsx,mts,cts}'];

const THROUGH_DOMAIN =
  'reach the database through a domain module (lib/content, lib/staff, …), which owns the query and hands back typed objects';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'public/**',
    'coverage/**',
    'data/**',
    'lighthouse-results/**',
    'bench-results/**',
    '.ci-node/**',
    'next-env.d.ts',
  ]),

  {
    // The data layer is asynchronous (Kysely, on SQLite or PostgreSQL): a promise used as a
    // value (\`if (!withdrawArticle(id))\`, always truthy) or dropped unawaited is a bug the
    // compiler does not report. These rules need the types, so they read the TypeScript project.
    name: 'portal/promises',
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },

  {
    name: 'portal/boundaries',
    files: SOURCE,
    rules: {
      // Matched on the resolved file, not the import string: `@/lib/db/x`, `../../lib/db/x` and
      // `type` imports are all caught. Only app code is a target; tests and scripts may use lib/db.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './components', from: './lib/db', message: `components/ never imports lib/db: ${THROUGH_DOMAIN}.` },
            { target: './app', from: './lib/db', message: `app/ never imports lib/db: ${THROUGH_DOMAIN}.` },
            {
              target: './lib',
              from: ['./components', './app'],
              message: 'lib/ never imports components/ or app/: the flow is app → lib → lib/db, and components get typed objects.',
            },
          ],
        },
      ],
      // The zones above see only imports the resolver can follow: an unresolved one must fail too.
      'import/no-unresolved': 'error',
    },
  },

  {
    // lib/db is the database and nothing else: from the rest of lib/ it takes types (which
    // vanish at compile time), never code. lib/env is configuration (where the database file
    // is), not domain logic. The patterns match import strings: in lib/db a `../` import
    // leaves the folder; subfolders of lib/db would import each other as `@/lib/db/…`.
    name: 'portal/lib-db-types-only',
    files: ['lib/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./(?!env$)|@/(?!lib/db/|lib/env$))',
              allowTypeImports: true,
              message: 'lib/db imports only types from the rest of lib/ (`import type { … }`): shape the data in the domain module and pass it in.',
            },
          ],
        },
      ],
      // `import { type A }` can leave a bare `import '…'` behind (verbatimModuleSyntax), which
      // would run the domain module: lib/db writes `import type { A }`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
    },
  },

  {
    name: 'portal/typescript',
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // As tsconfig's noUnusedLocals/noUnusedParameters (an error there too): `_name` marks a
      // parameter a signature imposes; `{ dropped, ...rest }` is how a field is left out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },

  {
    name: 'portal/commonjs',
    files: ['**/*.cjs'],
    rules: {
      // CommonJS on purpose (scripts/serve-built.cjs runs with plain `node`, no TypeScript
      // loader): require() is how it imports.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
]);
