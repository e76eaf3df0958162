import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the web app on Debian's chromium (no browser download),
 * against one all-in-one server on a throw-away database that global-setup
 * starts (and stops) for all of them.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.web-spec.ts',
  outputDir: './results',
  globalSetup: './support/global-setup.ts',
  // Two spec files at a time, each file's tests in order in one worker; every test makes its own users
  // and forums, and waits on what the page shows, not on time (58 tests: 8.5 min with one worker)
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-extensions',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
