import { defineConfig, devices } from '@playwright/test'
import { fakeUploadThingToken } from './tests/support/fake-uploadthing'

const port = Number(process.env.E2E_PORT ?? 3210)
const baseURL = `http://127.0.0.1:${port}`
const isCI = !!process.env.CI

// A second app server stores files on UploadThing: the fake one on 127.0.0.1 (never the internet).
const utPort = Number(process.env.E2E_UT_PORT ?? 3211)
const utBaseURL = `http://127.0.0.1:${utPort}`
const fakeUtPort = Number(process.env.E2E_FAKE_UT_PORT ?? 3212)
const fakeUtURL = `http://127.0.0.1:${fakeUtPort}`
// A third app server with a database of its own, for the spec that compares the whole database.
const resavePort = Number(process.env.E2E_RESAVE_PORT ?? 3213)
const resaveBaseURL = `http://127.0.0.1:${resavePort}`
const resaveDataDir = 'data/e2e-resave'
process.env.E2E_RESAVE_DATABASE ??= `${resaveDataDir}/dvk.sqlite`
const UPLOADTHING_SPEC = /uploadthing\.spec\.ts$/
// Ends the seeded round's judging and publishes it: runs after every other spec on that server.
const RESULTS_SPEC = /results\.spec\.ts$/
// HTTP-level checks (every page's bytes, the security attacks) and Enter in every form (a phone's
// Go key is the same implicit submission): one viewport is enough.
const DESKTOP_ONLY = /(crawl|security|enter-key)\.spec\.ts$/
// Saves every edit form unchanged and compares the database: its own server and database.
const RESAVE_SPEC = /resave\.spec\.ts$/

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // Two cores, shared with the server and Chromium: more workers only add contention.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list', { printSteps: false }]],
  outputDir: 'test-results',
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Playwright's bundled browsers cannot be downloaded here: use the system Chromium
      // (tests/e2e/ensure-chromium.sh installs it when missing).
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: [UPLOADTHING_SPEC, RESULTS_SPEC, RESAVE_SPEC],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      testIgnore: [UPLOADTHING_SPEC, RESULTS_SPEC, RESAVE_SPEC, DESKTOP_ONLY],
      use: {
        ...devices['Pixel 5'],
        browserName: 'chromium',
        viewport: { width: 360, height: 740 },
        screen: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      },
    },
    {
      // The organiser publishes the 2025 results (desktop; a visitor checks them on a phone).
      name: 'results',
      testMatch: RESULTS_SPEC,
      dependencies: ['desktop', 'phone'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
    {
      // Every edit form saved unchanged without JavaScript leaves the database as it was.
      name: 'resave',
      testMatch: RESAVE_SPEC,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: resaveBaseURL,
        viewport: { width: 1280, height: 800 },
      },
    },
    {
      // Uploads through UploadThing (the app server on utPort), on a phone.
      name: 'uploadthing',
      testMatch: UPLOADTHING_SPEC,
      use: {
        ...devices['Pixel 5'],
        browserName: 'chromium',
        baseURL: utBaseURL,
        viewport: { width: 360, height: 740 },
        screen: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
  webServer: [
    {
      command: 'bash tests/e2e/start-server.sh',
      url: `${baseURL}/healthz`,
      reuseExistingServer: !isCI && !!process.env.E2E_REUSE_SERVER,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { E2E_PORT: String(port) },
    },
    {
      // The fake UploadThing (tests/support/fake-uploadthing.ts): checks every signature.
      command: 'node_modules/.bin/tsx tests/support/fake-uploadthing.ts',
      url: `${fakeUtURL}/healthz`,
      reuseExistingServer: !isCI && !!process.env.E2E_REUSE_SERVER,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { FAKE_UPLOADTHING_PORT: String(fakeUtPort), FAKE_UPLOADTHING_QUIET: '1' },
    },
    {
      // The same production build, its own seeded database, storing uploads on the fake.
      command: 'bash tests/e2e/start-server.sh',
      url: `${utBaseURL}/healthz`,
      reuseExistingServer: !isCI && !!process.env.E2E_REUSE_SERVER,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        E2E_PORT: String(utPort),
        E2E_DATA_DIR: 'data/e2e-uploadthing',
        UPLOADTHING_TOKEN: fakeUploadThingToken(),
        UPLOADTHING_INGEST_URL: fakeUtURL,
        UPLOADTHING_API_URL: fakeUtURL,
      },
    },
    {
      // The re-save spec's own server and database (nothing else writes to it).
      command: 'bash tests/e2e/start-server.sh',
      url: `${resaveBaseURL}/healthz`,
      reuseExistingServer: !isCI && !!process.env.E2E_REUSE_SERVER,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { E2E_PORT: String(resavePort), E2E_DATA_DIR: resaveDataDir },
    },
  ],
})
