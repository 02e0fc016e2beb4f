import { defineConfig } from '@playwright/test';
import { chromiumUse, serialRun } from './tests/playwrightBase';

// End-to-end tests drive the built web renderer (dist-web) in Debian's Chromium.
// E2E_PORT lets two checkouts run their suites side by side without sharing a server.
const port = Number(process.env.E2E_PORT ?? 5184);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  ...serialRun,
  use: {
    ...chromiumUse,
    baseURL: `http://127.0.0.1:${port}/`,
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
