import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, hydrateAll, waitingIslands } from './site';

/**
 * Every page of the built site under its Content-Security-Policy: the page has the policy in a
 * <meta> (with the hashes of its inline scripts filled in), every widget hydrates, search runs,
 * a notebook cell runs — and the browser reports no violation of the policy anywhere (the page,
 * its frames, the notebook runner's sandbox).
 */
const FRAME_FILE = 'notebook-runner.html';

/** The pages of a build, as paths relative to its base ('' is the home page). */
function builtPages(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : [],
    );
  return walk(dir)
    .map((f) => relative(dir, f).split(sep).join('/'))
    .filter((f) => f !== FRAME_FILE && !f.startsWith('pagefind/'))
    .map((f) => (f === 'index.html' ? '' : f.endsWith('/index.html') ? f.slice(0, -'index.html'.length) : f))
    .sort();
}

const ROOT_PAGES = builtPages(process.env.E2E_ROOT_DIR ?? 'dist');

/** Collects CSP violations from every frame: the event in the page and the browser's console report. */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}`);
    });
  });
  page.on('console', (msg) => {
    if (/Content.Security.Policy|CSP violation/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

async function expectPolicyMeta(page: Page) {
  const policies = await page.$$eval('meta[http-equiv="Content-Security-Policy" i]', (metas) =>
    metas.map((m) => m.getAttribute('content') ?? ''),
  );
  expect(policies).toHaveLength(1);
  const policy = policies[0]!;
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).not.toContain('__CSP_');
  const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  // The meta comes before any script, so it covers them all.
  const order = await page.evaluate(() => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy" i]')!;
    const first = document.querySelector('script');
    return !first || !!(meta.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(order).toBe(true);
}

/** Presenter pages show one slide at a time; a widget hydrates when its slide is shown. */
async function showEverySlide(page: Page) {
  const counter = page.locator('[data-deck-count]');
  await expect(counter).toHaveText(/^1 \/ \d+/);
  const total = Number(/\/ (\d+)/.exec((await counter.textContent()) ?? '')?.[1]);
  for (let slide = 1; slide <= total; slide++) {
    await page.evaluate((n) => (location.hash = String(n)), slide);
    await expect(counter).toHaveText(new RegExp(`^${slide} / ${total}`));
    // A tall slide scrolls: bring each of its widgets into view. Finding the next one and scrolling
    // to it happen in one step in the page: an island can hydrate between two separate steps.
    for (let left = await waitingIslands(page, true); left > 0; left = await waitingIslands(page, true))
      await expect.poll(() => waitingIslands(page), { timeout: 20_000 }).toBeLessThan(left);
  }
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('the build has pages to check', () => {
  expect(ROOT_PAGES.length).toBeGreaterThan(40);
});

for (const path of ROOT_PAGES) {
  test(`/${path} has the policy and works under it: every widget hydrates, no violation`, async ({ page, watch }) => {
    // A presenter deck is walked slide by slide, each widget brought into view: it takes longer.
    test.setTimeout(path.startsWith('present/') ? 240_000 : 90_000);
    const violations = await watchPolicy(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expectPolicyMeta(page);
    if (path.startsWith('present/') && path !== 'present/') await showEverySlide(page);
    else await hydrateAll(page);
    // Frames on the page (the widget catalogue's embeds) hydrate too.
    for (const frame of page.frames().slice(1))
      await expect(frame.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
}

test('search (Pagefind, WebAssembly) runs under the policy', async ({ page, watch }) => {
  const violations = await watchPolicy(page);
  await page.goto('search/?q=momentum');
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
  expect(violations).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('a notebook cell runs under the policy, in the sandboxed runner with its own policy', async ({ page, watch }) => {
  const violations = await watchPolicy(page);
  await page.goto('tutorials/network-from-scratch/');
  await page.locator('[data-notebook][data-ready]').waitFor();
  const cell = page.locator('#cell-data');
  await cell.getByRole('button', { name: 'Run' }).click();
  await expect(cell.locator('[data-output]')).toContainText('X is 300×2');
  await expect(cell.locator('.nb-out--plot svg[role="img"]')).toBeVisible();
  await page.locator('#cell-relu').getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('#cell-relu .nb-out--check')).toBeVisible();
  // The runner's frame: sandboxed (opaque origin), with its own policy that allows no connection.
  const frame = page.locator('iframe.nb-runner-frame');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  const runner = page.frames().find((f) => f.url().endsWith('notebook-runner.html'))!;
  expect(await runner.evaluate(() => self.origin)).toBe('null');
  const policy = await runner.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("connect-src 'none'");
  expect(violations).toEqual([]);
  expect(watch.problems).toEqual([]);
});
