import { defineConfig } from '@playwright/test'
import { findChromium } from './scripts/chromium'
import { CHROMIUM_ARGS } from './scripts/chromium-args'

/**
 * End-to-end tests through the `runboard` server (what `npm start` runs), in the system Chromium:
 * the `demo` project against demo mode, the `real` project against a seeded real MLflow server.
 * `npm test` builds the app first, so the servers start without building.
 */
const PORTS = { demo: 5191, real: 5192, basePath: 5193, localStore: 5194 }
const runboard = (args: string) => `node bin/runboard.mjs ${args}`

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.RUNBOARD_PLAYWRIGHT_REPORT ?? 'test-results/playwright.json' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'demo', use: { baseURL: `http://127.0.0.1:${PORTS.demo}` }, grepInvert: /@real-only/ },
    { name: 'real', use: { baseURL: `http://127.0.0.1:${PORTS.real}` }, grepInvert: /@demo-only/ },
  ],
  webServer: [
    {
      command: runboard(`--demo --port ${PORTS.demo}`),
      url: `http://127.0.0.1:${PORTS.demo}/health`,
      timeout: 60_000,
    },
    {
      command: runboard(`--demo --port ${PORTS.basePath} --base-path /mlflow/`),
      url: `http://127.0.0.1:${PORTS.basePath}/mlflow/health`,
      timeout: 60_000,
    },
    {
      command: 'node node_modules/tsx/dist/cli.mjs scripts/e2e-real.ts',
      url: `http://127.0.0.1:${PORTS.localStore}/health`,
      // Seeding the real server (runs, models, the registry, the importance sweep) takes about two
      // minutes on two idle cores, and twice that on a busy machine.
      timeout: 420_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
  ],
})
