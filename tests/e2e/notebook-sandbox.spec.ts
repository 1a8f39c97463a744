import { chromium, type Page } from '@playwright/test';
import { test, expect } from './site';

/**
 * Probes of the notebook's sandbox, one per finding of issue 19: what a cell's code could reach
 * before the runner moved into a sandboxed frame (opaque origin, its own CSP with
 * connect-src 'none') and the page began to check every message it gets from it.
 * "Another address" is PROBE, a host that does not exist; the test answers for it, so any request
 * that reaches the network is counted (and would succeed).
 */
const URL = 'tutorials/network-from-scratch/';
const PROBE = 'http://probe.invalid';

async function openNotebook(page: Page) {
  await page.goto(URL);
  await page.locator('[data-notebook][data-ready]').waitFor();
}

/** Counts requests to PROBE that reached the network (a CSP-blocked request never gets here). */
async function countProbeHits(page: Page) {
  const hits: string[] = [];
  await page.context().route(`${PROBE}/**`, (route) => {
    hits.push(route.request().url());
    const js = route.request().url().endsWith('.js');
    return route.fulfill({
      status: 200,
      contentType: js ? 'text/javascript' : 'image/svg+xml',
      headers: { 'access-control-allow-origin': '*' },
      body: js ? 'export default 1;' : '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
  });
  return hits;
}

/** Puts `code` in a cell (through its editor) and runs it; resolves when the run has ended. */
async function run(page: Page, cellId: string, code: string) {
  const cell = page.locator(`#cell-${cellId}`);
  await cell.locator('[data-code]').click();
  await expect(cell.locator('.cm-content')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.keyboard.press('Shift+Enter');
  await expect(cell.locator('[data-state]')).not.toHaveText(/Running|Waiting/, { timeout: 20_000 });
  return cell;
}

/** Runs `code` (which prints one value) until it prints something other than `pending`. */
async function settled(page: Page, cellId: string, code: string) {
  let text = '';
  await expect
    .poll(
      async () => {
        const cell = await run(page, cellId, code);
        text = (await cell.locator('[data-output]').innerText()).trim();
        return text;
      },
      { timeout: 20_000 },
    )
    .not.toBe('pending');
  return text;
}

/** Problems other than the probe's own (a request the policy blocks is still announced by the browser). */
const otherProblems = (problems: string[]) => problems.filter((p) => !p.includes('probe.invalid'));

test('a plot’s href channel cannot make a javascript: link', async ({ page, watch }) => {
  await openNotebook(page);
  const title = await page.title();
  const cell = await run(
    page,
    'data',
    `plot({ alt: 'probe', marks: [Plot.dot([{ x: 1, y: 1, u: 'javascript:document.title="pwned"' }, { x: 2, y: 2, u: 'https://example.org/' }], { x: 'x', y: 'y', r: 30, href: 'u' })] });`,
  );
  const svg = cell.locator('.nb-out--plot svg[role="img"]');
  await expect(svg).toBeVisible();
  const hrefs = await cell
    .locator('[data-output] a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
  expect(hrefs.filter((h) => h !== null && !/^https?:\/\//.test(h))).toEqual([]);
  await cell.locator('[data-output] circle').first().click({ force: true });
  expect(await page.title()).toBe(title);
  expect(watch.problems).toEqual([]);
});

test('a plot’s fill or style url() to another address is not requested', async ({ page, watch }) => {
  const hits = await countProbeHits(page);
  await openNotebook(page);
  const cell = await run(
    page,
    'data',
    `plot({ alt: 'probe', style: { backgroundImage: 'url(${PROBE}/style.svg)' }, marks: [Plot.dot([{ x: 1, y: 1 }], { x: 'x', y: 'y', r: 30, fill: 'url(${PROBE}/fill.svg#p)', stroke: 'url("${PROBE}/stroke.svg#p")' })] });`,
  );
  await expect(cell.locator('.nb-out--plot svg[role="img"]')).toBeVisible();
  expect(await cell.locator('[data-output]').innerHTML()).not.toContain('probe.invalid');
  await page.waitForLoadState('networkidle');
  expect(hits).toEqual([]);
  expect(otherProblems(watch.problems)).toEqual([]);
});

test('dynamic import() built from strings, through Function or eval, reaches no network', async ({ page, watch }) => {
  const hits = await countProbeHits(page);
  await openNotebook(page);
  await run(
    page,
    'data',
    [
      `const u = ['http:', '', 'probe.invalid', 'module.js'].join('/');`,
      `globalThis.viaFunction = 'pending';`,
      `new Function('u', 'return imp' + 'ort(u)')(u).then(() => (globalThis.viaFunction = 'loaded'), () => (globalThis.viaFunction = 'refused'));`,
      `globalThis.viaEval = 'pending';`,
      `(0, eval)('imp' + 'ort(u + "?eval")').then(() => (globalThis.viaEval = 'loaded'), () => (globalThis.viaEval = 'refused'));`,
    ].join('\n'),
  );
  expect(await settled(page, 'forward', 'console.log(globalThis.viaFunction);')).toBe('refused');
  expect(await settled(page, 'forward', 'console.log(globalThis.viaEval);')).toBe('refused');
  expect(hits).toEqual([]);
  expect(otherProblems(watch.problems)).toEqual([]);
});

test('CacheStorage.add() (and fetch) reach no network', async ({ page, watch }) => {
  const hits = await countProbeHits(page);
  await openNotebook(page);
  await run(
    page,
    'data',
    [
      `globalThis.cached = 'pending';`,
      `Promise.resolve().then(() => caches.open('probe')).then((c) => c.add('${PROBE}/cache.svg'))`,
      `  .then(() => (globalThis.cached = 'added'), () => (globalThis.cached = 'refused'));`,
    ].join('\n'),
  );
  expect(await settled(page, 'forward', 'console.log(globalThis.cached);')).toBe('refused');
  const fetched = await run(page, 'forward', `fetch('${PROBE}/fetch.svg');`);
  await expect(fetched.locator('.nb-out--error')).toContainText('no network access');
  expect(hits).toEqual([]);
  expect(otherProblems(watch.problems)).toEqual([]);
});

test('messages forged by a cell with a spied or guessed run id are not shown', async ({ page, watch }) => {
  await openNotebook(page);
  const armed = await run(
    page,
    'data',
    [
      `self.addEventListener('message', (e) => {`,
      `  const id = e.data && e.data.id;`,
      `  if (typeof id !== 'number') return;`,
      `  postMessage({ type: 'output', id, item: { kind: 'text', level: 'log', text: 'FORGED spied' } });`,
      `  postMessage({ type: 'output', id, item: { kind: 'check', ok: true, message: 'FORGED check' } });`,
      `});`,
      `for (let id = 1; id < 50; id++) postMessage({ type: 'output', id, item: { kind: 'text', level: 'log', text: 'FORGED guessed' } });`,
      `console.log('armed');`,
    ].join('\n'),
  );
  await expect(armed.locator('[data-output]')).toHaveText('armed');
  const next = await run(page, 'forward', `console.log('honest');`);
  await expect(next.locator('[data-output]')).toHaveText('honest');
  await expect(page.locator('[data-output]').getByText(/FORGED/)).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});

test('malformed messages from a cell throw no page error', async ({ page, watch }) => {
  await openNotebook(page);
  await run(
    page,
    'data',
    [
      `const junk = (id: number) => [`,
      `  { type: 'output', id, item: { kind: 'table' } },`,
      `  { type: 'output', id, item: { kind: 'plot', spec: { marks: 7 } } },`,
      `  { type: 'output', id, item: null },`,
      `  { type: 'output', id },`,
      `  { type: 'done', id },`,
      `  'not even an object',`,
      `];`,
      `self.addEventListener('message', (e) => { const id = e.data && e.data.id; if (typeof id === 'number') junk(id).forEach((m) => postMessage(m)); });`,
      `for (let id = 1; id < 50; id++) junk(id).forEach((m) => postMessage(m));`,
    ].join('\n'),
  );
  const next = await run(page, 'forward', `console.log('still fine');`);
  await expect(next.locator('[data-output]')).toHaveText('still fine');
  await expect(next.locator('[data-state]')).toHaveText(/Ran in/);
  expect(watch.problems).toEqual([]);
});

test('50,000 forged outputs do not get past the output cap', async ({ page, watch }) => {
  test.setTimeout(120_000);
  await openNotebook(page);
  // Spy on the run ids: the listener sees each run's message (after that run), so the cell that
  // runs next knows its own id is one more.
  await run(
    page,
    'data',
    `self.addEventListener('message', (e) => { if (e.data && typeof e.data.id === 'number') globalThis.lastId = e.data.id; });`,
  );
  await run(page, 'forward', `console.log('spied');`);
  const flooded = await run(
    page,
    'forward',
    [
      `const id = (globalThis.lastId ?? 0) + 1;`,
      `for (let i = 0; i < 50000; i++) postMessage({ type: 'output', id, item: { kind: 'text', level: 'log', text: 'flood ' + i } });`,
      // And the honest way: every kind of output at once, far past the cap.
      `for (let i = 0; i < 20000; i++) { console.log(i); table([[i]]); tex('x_' + i); }`,
    ].join('\n'),
  );
  await expect(flooded.locator('[data-state]')).toHaveText(/Ran in/);
  const outputs = await flooded.locator('[data-output] > .nb-out').count();
  expect(outputs).toBeLessThanOrEqual(301);
  await expect(flooded.locator('[data-output]')).toContainText(
    'more output items not shown (a cell shows at most 300)',
  );
  await expect(page.locator('[data-output]').getByText(/^flood /)).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});

test('a timer set by a cell dies with the cell', async ({ page, watch }) => {
  await openNotebook(page);
  const first = await run(
    page,
    'data',
    [
      `globalThis.ticks = 0;`,
      `setInterval(() => { globalThis.ticks++; console.log('tick'); }, 1);`,
      `setTimeout(() => { globalThis.late = true; console.log('late'); }, 0);`,
      `requestAnimationFrame?.(() => { globalThis.late = true; });`,
      `console.log('set');`,
    ].join('\n'),
  );
  await expect(first.locator('[data-output]')).toHaveText('set');
  const later = await run(page, 'forward', `console.log(String(globalThis.ticks), typeof globalThis.late);`);
  await expect(later.locator('[data-output]')).toHaveText('0 undefined');
  const again = await run(page, 'forward', `console.log(String(globalThis.ticks));`);
  await expect(again.locator('[data-output]')).toHaveText('0');
  await expect(page.locator('[data-output]').getByText(/^(tick|late)$/)).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});

test('a cell that runs out of memory stops only the runner, and the page says so', async ({ baseURL }, testInfo) => {
  test.setTimeout(120_000);
  // Playwright counts the crash of any frame's process as a crash of the whole page and stops
  // talking to it, so after the crash the page is looked at through a second connection to the
  // same browser.
  const port = Number(process.env.E2E_PORT ?? 4321) + 5 + testInfo.parallelIndex;
  const launch = testInfo.project.use.launchOptions ?? {};
  // A small JavaScript heap (256 MB) stands for a device with little memory: the cell reaches the
  // limit in a moment rather than after gigabytes, well within the cell's time limit.
  const browser = await chromium.launch({
    ...launch,
    args: [...(launch.args ?? []), `--remote-debugging-port=${port}`, '--js-flags=--max-old-space-size=256'],
  });
  try {
    const first = await browser.newPage({ baseURL: baseURL! });
    const errors: string[] = [];
    first.on('pageerror', (e) => errors.push(e.message));
    await openNotebook(first);
    await run(first, 'data', 'console.log("before");');
    const cell = first.locator('#cell-forward');
    await cell.locator('[data-code]').click();
    await expect(cell.locator('.cm-content')).toBeFocused();
    await first.keyboard.press('ControlOrMeta+A');
    await first.keyboard.press('Delete');
    await first.keyboard.insertText('const keep = [];\nfor (;;) keep.push(new Array(50000).fill(1.5));');
    const crashed = first.waitForEvent('crash', { timeout: 60_000 });
    await first.keyboard.press('Shift+Enter');
    await crashed;

    // Connected after the crash, the second view of the browser sees the page as it is.
    const watcher = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      const page = watcher
        .contexts()
        .flatMap((c) => c.pages())
        .find((p) => p.url().includes(URL))!;
      const model = page.locator('#cell-forward');
      await expect(model.locator('.nb-out--error')).toContainText('ran out of memory or crashed', { timeout: 60_000 });
      await expect(model.locator('.nb-out--error')).toContainText('this page is fine');
      await expect(model.locator('[data-state]')).toHaveText('Runner stopped: out of memory or crashed');
      // The page lives on, and a fresh runner works.
      const data = page.locator('#cell-data');
      await data.getByRole('button', { name: 'Run' }).click();
      await expect(data.locator('[data-output]')).toHaveText('before');
      await expect(data.locator('[data-state]')).toHaveText(/Ran in/);
      expect(errors).toEqual([]);
    } finally {
      await watcher.close();
    }
  } finally {
    await browser.close();
  }
});
