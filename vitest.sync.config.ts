import { defineConfig } from 'vitest/config';

// County sync integration tests: each file starts its own PostgreSQL. They run one file at a time,
// after the unit tests, so their load never starves the unit tests of CPU (`npm run test:sync`).
export default defineConfig({
  test: {
    include: ['tests/sync/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
