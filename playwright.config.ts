import { defineConfig } from '@playwright/test';

/**
 * Browser tests run Debian's chromium against the built site, served by a plain static server,
 * twice: at the root (dist/) and under a sub-path (dist-sub/ built with BASE_PATH=/mmai5500/).
 * Build both first: `npm run build` and `BASE_PATH=/mmai5500/ OUT_DIR=dist-sub npm run build`
 * (scripts/test.sh does).
 */
export const SUBPATH = '/mmai5500/';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
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
    trace: 'off',
  },
  projects: [
    { name: 'root', use: { baseURL: 'http://127.0.0.1:4321/' } },
    { name: 'subpath', use: { baseURL: `http://127.0.0.1:4322${SUBPATH}` } },
  ],
  webServer: [
    { command: 'node scripts/serve.mjs dist 4321 /', url: 'http://127.0.0.1:4321/', reuseExistingServer: false },
    { command: `node scripts/serve.mjs dist-sub 4322 ${SUBPATH}`, url: `http://127.0.0.1:4322${SUBPATH}`, reuseExistingServer: false },
  ],
});
