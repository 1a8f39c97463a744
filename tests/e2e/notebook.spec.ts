import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, useScheme, type Watch } from './site';

const URL = 'tutorials/network-from-scratch/';
const LIMIT_S = 10; // TIME_LIMIT_MS in src/notebook/protocol.ts

async function openNotebook(page: Page) {
  await page.goto(URL);
  await page.locator('[data-notebook][data-ready]').waitFor();
}

/** Clicks into a cell (which loads the editor), replaces its code with `code` by typing. */
async function typeInto(page: Page, cellId: string, code: string, { replace = true } = {}) {
  const cell = page.locator(`#cell-${cellId}`);
  await cell.locator('[data-code]').click();
  const editor = cell.locator('.cm-content');
  await expect(editor).toBeFocused();
  await page.keyboard.press(replace ? 'ControlOrMeta+A' : 'ControlOrMeta+End');
  if (replace) await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  return cell;
}

/**
 * Types `code` (a cell that draws) into the first cell, checks that no file matching `chunk` was
 * fetched yet, runs the cell, lets `check` look at the chart it drew, and checks the file was then
 * fetched exactly once: the parts of Plot that only a notebook needs arrive when a cell draws.
 */
async function drawsAfterFetching(
  page: Page,
  watch: Watch,
  code: string,
  chunk: RegExp,
  check: (svg: Locator) => Promise<void>,
): Promise<void> {
  await openNotebook(page);
  const cell = await typeInto(page, 'data', code);
  expect(watch.requests.filter((u) => chunk.test(u))).toEqual([]);
  await page.keyboard.press('Shift+Enter');
  await check(cell.locator('[data-output] .nb-out--plot svg'));
  expect(watch.requests.filter((u) => chunk.test(u))).toHaveLength(1);
}

/** The code kept in localStorage for a cell's edit (null when none is kept). */
function keptEdit(page: Page, cellId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(`:${id}`));
    return key === undefined ? null : localStorage.getItem(key);
  }, cellId);
}

test.describe('tutorial notebook', () => {
  test('a cold page loads no editor, runner or chart code; typing into a cell and Shift+Enter runs it with output and a chart', async ({
    page,
    watch,
  }) => {
    await openNotebook(page);
    // The code reads without JavaScript: highlighted at build time.
    await expect(page.locator('#cell-data pre.astro-code')).toContainText('spiral(100, 3, createRng(7))');
    expect(watch.requests.filter((u) => /editor|runner\.worker|plot[.-]/.test(u))).toEqual([]);

    const cell = await typeInto(page, 'data', "\nconsole.log('typed in the test:', 6 * 7);", { replace: false });
    await page.keyboard.press('Shift+Enter');
    const out = cell.locator('[data-output]');
    await expect(out).toContainText('X is 300×2 and Y is 300×3');
    await expect(out).toContainText('typed in the test: 42');
    await expect(out.locator('.nb-out--plot svg[role="img"]')).toHaveAttribute('aria-label', /Three spiral arms/);
    await expect(out.locator('.nb-out--plot svg [aria-label="dot"] > *')).toHaveCount(300);
    await expect(cell.locator('[data-state]')).toHaveText(/Ran in/);

    // A task: the starter fails its check, the revealed solution passes it.
    const dense = page.locator('#cell-dense');
    await dense.getByRole('button', { name: 'Run' }).click();
    await expect(dense.locator('.nb-out--check')).toContainText('Check not passed yet');
    const solution = page.locator('[data-solution-for="dense"]');
    await solution.locator('summary').click();
    await solution.getByRole('button', { name: 'Put this solution in the cell' }).click();
    await dense.getByRole('button', { name: 'Run' }).click();
    await expect(dense.locator('.nb-out--check')).toContainText('Check passed');
    expect(watch.problems).toEqual([]);
  });

  test("a cell may colour a chart with Plot's colour schemes, which are fetched only when a cell draws", async ({
    page,
    watch,
  }) => {
    await drawsAfterFetching(
      page,
      watch,
      "plot({ alt: 'Five dots, viridis.', color: { scheme: 'viridis' }, marks: [Plot.dot([0, 1, 2, 3, 4].map((v) => ({ v })), { x: 'v', fill: 'v', r: 5 })] });",
      /d3-scale-chromatic/,
      async (svg) => {
        const dots = svg.locator('[aria-label="dot"] > *');
        await expect(dots).toHaveCount(5);
        // viridis(0) and viridis(1): the real scheme, which the site's bundle leaves out until a cell draws.
        await expect(dots.first()).toHaveAttribute('fill', '#440154');
        await expect(dots.last()).toHaveAttribute('fill', '#fde725');
      },
    );
    expect(watch.problems).toEqual([]);
  });

  test('a cell may draw dates on a time axis, whose formats (d3-time-format) are fetched only when a cell draws', async ({
    page,
    watch,
  }) => {
    await drawsAfterFetching(
      page,
      watch,
      "plot({ alt: 'A line over 2024.', marks: [Plot.line([0, 1, 2, 3].map((q) => ({ t: new Date(Date.UTC(2024, 3 * q, 1)), v: q })), { x: 't', y: 'v' })] });",
      /d3-time-format/,
      async (svg) => {
        await expect(svg.locator('[aria-label="line"] path')).toHaveCount(1);
        // The x axis of a UTC scale: months, the first tick with its year (the real date formats).
        const ticks = svg.locator('[aria-label="x-axis tick label"] text');
        await expect(ticks.first()).toContainText('Jan');
        await expect(ticks.first()).toContainText('2024');
        await expect(ticks.nth(1)).toHaveText(/^[A-Z][a-z]{2}$/);
      },
    );
    expect(watch.problems).toEqual([]);
  });

  test(`an endless loop is stopped at the ${LIMIT_S} s limit, the reader is told, and the notebook runs again`, async ({
    page,
    watch,
  }) => {
    test.setTimeout(60_000);
    await openNotebook(page);
    const cell = await typeInto(page, 'train', 'let spins = 0;\nwhile (true) spins++;');
    await cell.getByRole('button', { name: 'Run' }).click();
    await expect(cell.locator('[data-state]')).toHaveText('Running…');
    await expect(cell.locator('.nb-out--error')).toContainText(`ran longer than ${LIMIT_S} s`, {
      timeout: (LIMIT_S + 10) * 1000,
    });
    await expect(cell.locator('.nb-out--error')).toContainText('everything the cells above defined is gone');
    await expect(cell.locator('[data-state]')).toHaveText(`Stopped at the ${LIMIT_S} s limit`);
    // A fresh runner: the first cell runs again, and a name from before the restart is gone.
    const data = page.locator('#cell-data');
    await data.getByRole('button', { name: 'Run' }).click();
    await expect(data.locator('[data-output]')).toContainText('X is 300×2');
    const probe = await typeInto(page, 'train', 'console.log(typeof spins, X.shape);');
    await probe.getByRole('button', { name: 'Run' }).click();
    await expect(probe.locator('[data-output]')).toHaveText('undefined 300×2');
    expect(watch.problems).toEqual([]);
  });

  test('a syntax error and a run-time error are reported with their line, which the editor marks', async ({
    page,
    watch,
  }) => {
    await openNotebook(page);
    const cell = await typeInto(page, 'sgd', 'const a = 1;\nconst b = 2;\nconst c = (a + ;');
    await page.keyboard.press('Shift+Enter');
    const error = cell.locator('.nb-out--error');
    await expect(error.locator('.nb-out__error-title')).toHaveText(/^SyntaxError on line 3: /);
    await expect(error.locator('.nb-out__error-source')).toHaveText('  3 │ const c = (a + ;');
    await expect(cell.locator('.cm-line.cm-error-line')).toHaveText('const c = (a + ;');

    await typeInto(page, 'sgd', "import { Matrix } from 'feedforward';\nconst m = Matrix.zeros(2, 2);\n\nm.get(5, 0);");
    await page.keyboard.press('Shift+Enter');
    await expect(error.locator('.nb-out__error-title')).toHaveText(
      'Error on line 4: Matrix.get: index (5, 0) is outside a 2×2 matrix',
    );
    await expect(cell.locator('.cm-line.cm-error-line')).toHaveText('m.get(5, 0);');
    expect(watch.problems).toEqual([]);
  });

  test('edits survive a reload; Reset brings the original back; Download .ts holds every cell', async ({
    page,
    watch,
  }) => {
    await openNotebook(page);
    const mine = '// my own version\nconst mine = 1;';
    await typeInto(page, 'sgd', mine);
    await expect(page.locator('#cell-sgd')).toHaveAttribute('data-edited', '');
    // Edits are saved 300 ms after the last key: wait until this one is kept, then reload.
    await expect.poll(() => keptEdit(page, 'sgd')).toBe(mine);
    await page.reload();
    await page.locator('[data-notebook][data-ready]').waitFor();
    const cell = page.locator('#cell-sgd');
    await expect(cell.locator('[data-code] pre')).toHaveText('// my own version\nconst mine = 1;');
    await expect(cell).toHaveAttribute('data-edited', '');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .ts' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('network-from-scratch.ts');
    const text = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(text).toContain('// Cell 1: Load the spiral data');
    expect(text).toContain('// Cell 8: One SGD step (edited)\n');
    expect(text).toContain('// my own version\nconst mine = 1;');
    expect(text).toContain('import { Matrix, Dense, createRng, spiral');

    await cell.getByRole('button', { name: 'Reset' }).click();
    await expect(cell.locator('[data-code] pre')).toContainText('function sgdStep(param: Matrix');
    await page.reload();
    await page.locator('[data-notebook][data-ready]').waitFor();
    await expect(page.locator('#cell-sgd [data-code] pre')).toContainText('function sgdStep(param: Matrix');
    await expect(page.locator('#cell-sgd')).not.toHaveAttribute('data-edited', '');
    expect(watch.problems).toEqual([]);
  });

  test('when storage is blocked the reader is told, and the notebook still runs', async ({ page, watch }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openNotebook(page);
    await expect(page.locator('[data-notice]')).toBeVisible();
    await expect(page.locator('[data-notice]')).toContainText('cannot be kept in this browser');
    const data = page.locator('#cell-data');
    await data.getByRole('button', { name: 'Run' }).click();
    await expect(data.locator('[data-output]')).toContainText('X is 300×2');
    expect(watch.problems).toEqual([]);
  });

  test('no axe violations, light and dark, with an editor, outputs and a solution open', async ({ page, watch }) => {
    // The cold page in both schemes is covered by a11y.spec (PAGES); axe on this long page is slow under
    // load (2.1 min once in CI with two workers), and this test runs it twice.
    test.setTimeout(240_000);
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(page, scheme);
      await openNotebook(page);
      await typeInto(page, 'softmax', 'console.log(1);', { replace: false });
      await page.locator('#cell-data').getByRole('button', { name: 'Run' }).click();
      await expect(page.locator('#cell-data .nb-out--plot svg[role="img"]')).toBeVisible();
      await page.locator('#cell-relu').getByRole('button', { name: 'Run' }).click();
      await expect(page.locator('#cell-relu .nb-out--check')).toBeVisible();
      await page.locator('#cell-softmax').getByRole('button', { name: 'Run' }).click();
      await expect(page.locator('#cell-softmax .nb-out--check')).toBeVisible();
      await page.locator('[data-solution-for="relu"] summary').click();
      expect((await new AxeBuilder({ page }).analyze()).violations, `${scheme}, in use`).toEqual([]);
    }
    expect(watch.problems).toEqual([]);
  });
});
