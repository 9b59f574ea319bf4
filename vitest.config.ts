import { defineConfig } from 'vitest/config';

/**
 * Three layers, each runnable alone (`npx vitest run --project unit|store|e2e`); `vitest run` runs all.
 * Only `store` and `e2e` start the real PostgreSQL server (tests/helpers/postgres-server.ts): a global
 * setup of the root config would run for every project, so the unit layer has none, and a unit run
 * starts no server and changes nothing on the machine (no system user, no folder's permissions).
 */
const E2E = ['tests/e2e/**/*.test.ts', 'tests/**/*.e2e.test.ts'];
const STORE = ['tests/store/**/*.test.ts'];
const withPostgres = ['tests/helpers/postgres-server.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...STORE, ...E2E] } },
      // the store contract against both databases, the team database's rules
      { extends: true, test: { name: 'store', include: STORE, globalSetup: withPostgres } },
      // the built binary, spawned as a user runs it (npm test builds it first)
      { extends: true, test: { name: 'e2e', include: E2E, globalSetup: withPostgres } },
    ],
  },
});
