import { defineConfig } from '@playwright/test';

/**
 * Browser tests run Debian's chromium against the built site, served by a plain static server,
 * twice: at the root (dist/) and under a sub-path (dist-sub/ built with BASE_PATH=/mmai5500/).
 * Build both first: `npm run build` and `BASE_PATH=/mmai5500/ OUT_DIR=dist-sub npm run build`
 * (scripts/test.sh does).
 */
export const SUBPATH = '/mmai5500/';

// Where the two builds are and which ports serve them; overridable so that several people can
// test their own builds at once (e.g. E2E_ROOT_DIR=.tmp/dist-a E2E_PORT=4610).
const rootDir = process.env.E2E_ROOT_DIR ?? 'dist';
const subDir = process.env.E2E_SUB_DIR ?? 'dist-sub';
const port = Number(process.env.E2E_PORT ?? 4321);
const results = process.env.E2E_RESULTS ?? 'test-results';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: `${results}/artifacts`,
  reporter: [['list'], ['json', { outputFile: `${results}/e2e.json` }]],
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
    { name: 'root', use: { baseURL: `http://127.0.0.1:${port}/` } },
    {
      name: 'subpath',
      use: { baseURL: `http://127.0.0.1:${port + 1}${SUBPATH}` },
      // Under the sub-path what can break is addresses (links, assets, search, embeds, share links);
      // a widget's behaviour and the accessibility of a page do not depend on where the site is
      // mounted, so those specs run once, at the root.
      testIgnore: [/widget-[\w-]+\.spec\.ts/, /widgets-in-lecture\.spec\.ts/, /a11y\.spec\.ts/],
    },
  ],
  webServer: [
    {
      command: `node scripts/serve.mjs ${rootDir} ${port} /`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs ${subDir} ${port + 1} ${SUBPATH}`,
      url: `http://127.0.0.1:${port + 1}${SUBPATH}`,
      reuseExistingServer: false,
    },
  ],
});
