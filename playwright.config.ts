import { defineConfig } from '@playwright/test'

/**
 * One suite, two targets: browser mode (default; Debian's Chromium against `out/main/web.js`)
 * and the Electron app (`E2E_TARGET=electron`, where an Electron binary exists). Each test gets
 * a fresh APP_DATA_DIR from the `app` fixture in e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  // One retry on CI, as Playwright recommends: a real regression fails both runs; a test that
  // passes only on its retry is listed as "flaky" in the log, and is fixed, not left.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  }
})
