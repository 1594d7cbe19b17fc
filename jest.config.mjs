import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

// next-intl and its dependencies ship ES modules only; let SWC transform them.
const ESM_PACKAGES = ['next-intl', 'use-intl', '@formatjs', 'intl-messageformat', 'icu-minify', 'marked', 'stemmer'];
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`, '^.+\\.module\\.(css|sass|scss)$'];

async function project(config) {
  const resolved = await createJestConfig(config)();
  return { ...resolved, transformIgnorePatterns };
}

/** Three kinds of test, one runner (so one summary): unit (node), components (jsdom), e2e (real server + Chromium). */
const config = {
  // Browser tests on a loaded two-core machine can take longer than Jest's 5 s default (a
  // project-level testTimeout is not applied to every file).
  testTimeout: 60_000,
  projects: [
    await project({
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      // Each test file gets its own temporary SQLite database; the database layer's tests also
      // run on a throwaway PostgreSQL server started for the run (tests/helpers/engines.ts).
      setupFiles: ['<rootDir>/tests/unit/temp-database.ts'],
      globalSetup: '<rootDir>/tests/unit/global-postgres.ts',
      globalTeardown: '<rootDir>/tests/unit/global-postgres-teardown.ts',
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
    }),
    await project({
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/components/setup.ts'],
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
    }),
    await project({
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
    }),
  ],
};

export default config;
