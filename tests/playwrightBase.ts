// What every Playwright config here shares: one test at a time (two cores, real IndexedDB), no
// retries, no focused tests, and Debian's Chromium (Playwright's own browser download is never
// used: it cannot be fetched here) with the booth's locale and time zone.
import type { PlaywrightTestConfig } from '@playwright/test';

export const serialRun = {
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
} satisfies PlaywrightTestConfig;

export const chromiumUse = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
  trace: 'off',
} satisfies NonNullable<PlaywrightTestConfig['use']>;
