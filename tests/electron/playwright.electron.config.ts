import { defineConfig } from '@playwright/test';
import { serialRun } from '../playwrightBase';

// Drives the built desktop app (out/) through Playwright's Electron support. Separate from
// playwright.config.ts, which drives the web build in Chromium.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  ...serialRun,
  outputDir: '../../test-results/electron',
});
