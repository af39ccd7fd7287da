import { defineConfig } from '@playwright/test'

// End-to-end tests against the real server (`astrobench serve`) and real adapters, in Debian's
// chromium. e2e/global-setup.ts starts the server on a free port over a fresh lab root.
export default defineConfig({
  testDir: './e2e',
  // The 1,000-runs benchmark is not a test: `npm run bench:web` runs it alone.
  testIgnore: process.env.ASTROBENCH_BENCH ? [] : ['**/bench-*.spec.ts'],
  outputDir: './e2e/test-results',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  workers: 1, // timing runs are exclusive on a machine: one job at a time
  fullyParallel: false,
  // Failure bounds only: tests wait on facts (job states, gates, URLs), never on elapsed time.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: './e2e/test-results/results.json' }]],
  use: {
    baseURL: process.env.ASTROBENCH_E2E_URL,
    viewport: { width: 1400, height: 900 },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
