// Operator-cost flows for `npm run bench` (bench/run.mjs runs this config against its own
// preview server). Counts keys and pointer actions; it times nothing.
import { defineConfig } from '@playwright/test';
import { chromiumUse, serialRun } from '../../tests/playwrightBase';

export default defineConfig({
  testDir: '.',
  testMatch: 'operator.spec.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  ...serialRun,
  outputDir: '../../bench-results/operator.tmp',
  use: {
    ...chromiumUse,
    baseURL: process.env.BENCH_BASE_URL ?? 'http://127.0.0.1:5186/',
    screenshot: 'off',
  },
});
