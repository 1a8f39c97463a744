/**
 * Storage faults for every stored value (issue 19): exercise progress, notebook edits, the
 * presenter's arrival flag and the theme choice, each with storage blocked, full (emulated, and
 * the real quota filled until setItem throws), corrupt, and prototype keys. The page works, nothing
 * is thrown, nothing stored is lost or overwritten unread, and the reader is told.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Download, Page } from '@playwright/test';
import { test, expect, LECTURE } from './site';

const KEY = 'feedforward:progress:02-feedforward';
const PART = `${LECTURE}activation-functions/`;
const SAVED = {
  format: 'feedforward-progress',
  version: 1,
  lecture: '02-feedforward',
  saved: '2026-11-25T10:00:00.000Z',
  exercises: {
    'why-nonlinear': { attempts: 2, solved: true, revealed: true, hints: 1, task: false },
    'perceptron-cat-dog': { attempts: 1, solved: false, revealed: false, hints: 0, task: false },
  },
};
const SAVED_TEXT = JSON.stringify(SAVED);

/** Fault emulations, run in the page before any of its scripts. */
const FAULTS = {
  blocked: () => {
    for (const name of ['localStorage', 'sessionStorage'])
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
  },
  full: () => {
    Storage.prototype.setItem = function () {
      throw new DOMException("Failed to execute 'setItem' on 'Storage': quota exceeded.", 'QuotaExceededError');
    };
  },
} as const;

/** Fill the origin's real localStorage with junk until setItem throws; returns the error's name. */
function fillQuota(): string {
  let i = 0;
  let error = '';
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    const chunk = 'j'.repeat(size);
    for (;;) {
      try {
        localStorage.setItem(`junk:${i++}`, chunk);
      } catch (err) {
        error = (err as Error).name;
        break;
      }
    }
  }
  return error;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * A fresh browser context: `seed` is stored first (on a page of the site), `quota` then fills the
 * real storage, `fault` is installed for every later page.
 */
async function open(
  browser: Browser,
  baseURL: string,
  {
    seed = {},
    fault,
    quota = false,
  }: { seed?: Record<string, string> | undefined; fault?: keyof typeof FAULTS | undefined; quota?: boolean },
): Promise<Opened> {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  if (Object.keys(seed).length || quota) {
    await page.goto('404.html');
    // As pairs, so that a "__proto__" key travels as a key.
    await page.evaluate((pairs) => {
      for (const [k, v] of pairs) localStorage.setItem(k, v);
    }, Object.entries(seed));
    if (quota) expect(await page.evaluate(fillQuota)).toBe('QuotaExceededError');
  }
  if (fault) await page.addInitScript(FAULTS[fault]);
  return { context, page, errors };
}

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

async function exercise(page: Page, id: string) {
  const q = page.locator(`[data-exercise="${id}"]`);
  await q.scrollIntoViewIfNeeded();
  await q.locator('astro-island:not([ssr]) .exercise__status').waitFor();
  return q;
}

async function answerSoftmax(page: Page) {
  const q = await exercise(page, 'softmax-max-j');
  await q.getByLabel('Largest j').fill('3');
  await q.getByLabel('Largest j').press('Enter');
  await expect(q.locator('.exercise__status')).toHaveText('Solved');
}

async function exportedExercises(page: Page, click: () => Promise<void>) {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')).exercises as Record<string, unknown>;
}

test.describe('exercise progress', () => {
  for (const [what, options] of [
    ['emulated full storage', { fault: 'full' as const }],
    ['the real quota, filled until setItem throws', { quota: true }],
  ] as const) {
    test(`${what}: saved progress shows, a new answer does not overwrite it, the notice says so, the export has old + new`, async ({
      browser,
      baseURL,
    }) => {
      const { context, page, errors } = await open(browser, baseURL!, { seed: { [KEY]: SAVED_TEXT }, ...options });
      // The lecture's summary still counts the saved progress.
      await page.goto(LECTURE);
      const summary = page.locator('astro-island:not([ssr]) [data-progress-summary="02-feedforward"]');
      await expect(summary.locator('[data-summary="total"]')).toContainText('1 of 24 exercises solved, 2 attempted');
      await expect(summary.locator('.progress-summary__notice[data-storage="full"]')).toContainText('not being saved');
      await expect(summary.locator('.progress-summary__notice')).toContainText('QuotaExceededError');

      await page.goto(PART);
      const q = await exercise(page, 'why-nonlinear');
      await expect(q.locator('.exercise__status')).toHaveText('Solved · answer shown · 1 hint');
      await answerSoftmax(page);
      const notice = page.locator('.exercise__storage[data-storage="full"]');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('storage for this site is full');
      expect(await stored(page, KEY)).toBe(SAVED_TEXT);
      const exported = await exportedExercises(page, () =>
        page.getByRole('button', { name: 'Export your progress' }).click(),
      );
      expect(Object.keys(exported).sort()).toEqual(['perceptron-cat-dog', 'softmax-max-j', 'why-nonlinear']);
      expect(exported['why-nonlinear']).toEqual(SAVED.exercises['why-nonlinear']);

      // The summary's export holds everything too, and reset refuses to go on without a backup.
      await page.goto(LECTURE);
      const exported2 = await exportedExercises(page, () =>
        summary.getByRole('button', { name: 'Export progress' }).click(),
      );
      expect(Object.keys(exported2).sort()).toEqual(['perceptron-cat-dog', 'why-nonlinear']);
      page.once('dialog', (d) => void d.accept());
      await summary.getByRole('button', { name: 'Reset progress' }).click();
      await expect(summary.locator('[data-message="error"]')).toContainText('Progress not reset');
      expect(await stored(page, KEY)).toBe(SAVED_TEXT);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('a record with a "__proto__" key: notice, the other exercises kept, the record as it was backed up', async ({
    browser,
    baseURL,
  }) => {
    const text = SAVED_TEXT.replace(
      '"exercises":{',
      '"exercises":{"__proto__":{"attempts":1,"solved":true,"revealed":true,"hints":0,"task":true,"polluted":"yes"},',
    );
    const { context, page, errors } = await open(browser, baseURL!, { seed: { [KEY]: text } });
    await page.goto(PART);
    const q = await exercise(page, 'why-nonlinear');
    await expect(q.locator('.exercise__status')).toHaveText('Solved · answer shown · 1 hint');
    const notice = page.locator('.exercise__storage[data-storage="notes"]');
    await expect(notice).toContainText('“__proto__”');
    await expect(notice).toContainText(`${KEY}.backup`);
    expect(await stored(page, `${KEY}.backup`)).toBe(text);
    await answerSoftmax(page);
    const now = JSON.parse((await stored(page, KEY))!);
    expect(Object.keys(now.exercises).sort()).toEqual(['perceptron-cat-dog', 'softmax-max-j', 'why-nonlinear']);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).toBeUndefined();
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a corrupt record: kept untouched and backed up, notice; the page works', async ({ browser, baseURL }) => {
    const { context, page, errors } = await open(browser, baseURL!, { seed: { [KEY]: '{"format":"feedforward-pro' } });
    await page.goto(PART);
    await answerSoftmax(page);
    await expect(page.locator('.exercise__storage[data-storage="corrupt"]')).toContainText('kept untouched');
    expect(await stored(page, KEY)).toBe('{"format":"feedforward-pro');
    expect(await stored(page, `${KEY}.backup`)).toBe('{"format":"feedforward-pro');
    // Reset (asked first) backs the damaged record up and starts a fresh one.
    await page.goto(LECTURE);
    const summary = page.locator('astro-island:not([ssr]) [data-progress-summary="02-feedforward"]');
    await expect(summary.locator('.progress-summary__notice[data-storage="corrupt"]')).toBeVisible();
    page.once('dialog', (d) => void d.accept());
    await summary.getByRole('button', { name: 'Reset progress' }).click();
    await expect(summary.locator('.progress-summary__message')).toHaveText('Progress reset.');
    await expect(summary.locator('.progress-summary__notice')).toHaveCount(0);
    expect(await stored(page, `${KEY}.backup`)).toBe('{"format":"feedforward-pro');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('blocked storage: the page works, the notice says so, the export has what was done', async ({
    browser,
    baseURL,
  }) => {
    const { context, page, errors } = await open(browser, baseURL!, { fault: 'blocked' });
    await page.goto(PART);
    await answerSoftmax(page);
    await expect(page.locator('.exercise__storage[data-storage="blocked"]')).toContainText('SecurityError');
    const exported = await exportedExercises(page, () =>
      page.getByRole('button', { name: 'Export your progress' }).click(),
    );
    expect(Object.keys(exported)).toEqual(['softmax-max-j']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('the storage notices and their export button are axe clean, light and dark', async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const { context, page, errors } = await open(browser, baseURL!, { seed: { [KEY]: SAVED_TEXT }, fault: 'full' });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(PART);
    await exercise(page, 'why-nonlinear');
    await page.locator('.exercise__storage-box').waitFor();
    const inExercise = await new AxeBuilder({ page }).include('.exercise__storage-box').analyze();
    expect(inExercise.violations, colorScheme).toEqual([]);
    await page.goto(LECTURE);
    await page.locator('.progress-summary__notice').waitFor();
    const inSummary = await new AxeBuilder({ page }).include('[data-progress-summary]').analyze();
    expect(inSummary.violations, colorScheme).toEqual([]);
  }
  expect(errors).toEqual([]);
  await context.close();
});

const NOTEBOOK = 'tutorials/network-from-scratch/';
const EDIT_KEY = 'feedforward:notebook:network-from-scratch:sgd';

async function typeInto(page: Page, cellId: string, code: string) {
  const cell = page.locator(`#cell-${cellId}`);
  await cell.locator('[data-code]').click();
  await expect(cell.locator('.cm-content')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(code);
}

test.describe('notebook edits', () => {
  for (const [what, options] of [
    ['emulated full storage', { fault: 'full' as const }],
    ['the real quota filled', { quota: true }],
  ] as const) {
    test(`${what}: the saved edit shows, a new one is kept in the page and said, the saved one untouched`, async ({
      browser,
      baseURL,
    }) => {
      const { context, page, errors } = await open(browser, baseURL!, {
        seed: { [EDIT_KEY]: '// saved before' },
        ...options,
      });
      await page.goto(NOTEBOOK);
      await page.locator('[data-notebook][data-ready]').waitFor();
      await expect(page.locator('#cell-sgd [data-code] pre')).toHaveText('// saved before');
      await typeInto(page, 'sgd', '\n// typed now');
      await expect(page.locator('[data-notice]')).toContainText('storage is full');
      await expect(page.locator('[data-notice]')).toContainText('Download .ts');
      expect(await stored(page, EDIT_KEY)).toBe('// saved before');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download .ts' }).click(),
      ]);
      expect(await readFile((await download.path())!, 'utf8')).toContain('// saved before\n// typed now');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
  test('blocked: notice, the notebook works', async ({ browser, baseURL }) => {
    const { context, page, errors } = await open(browser, baseURL!, { fault: 'blocked' });
    await page.goto(NOTEBOOK);
    await page.locator('[data-notebook][data-ready]').waitFor();
    await expect(page.locator('[data-notice]')).toContainText('storage is blocked: SecurityError');
    await typeInto(page, 'sgd', '\n// typed now');
    await expect(page.locator('#cell-sgd')).toHaveAttribute('data-edited', '');
    expect(errors).toEqual([]);
    await context.close();
  });
  test('corrupt (an edit too large to be code): the original shows, notice, the value kept and backed up', async ({
    browser,
    baseURL,
  }) => {
    const huge = 'x'.repeat(100_001);
    const { context, page, errors } = await open(browser, baseURL!, { seed: { [EDIT_KEY]: huge } });
    await page.goto(NOTEBOOK);
    await page.locator('[data-notebook][data-ready]').waitFor();
    await expect(page.locator('#cell-sgd [data-code] pre')).toContainText('function sgdStep(param: Matrix');
    await expect(page.locator('[data-notice]')).toContainText('could not be used');
    expect(await stored(page, EDIT_KEY)).toBe(huge);
    expect(await stored(page, `${EDIT_KEY}.backup`)).toBe(huge);
    expect(errors).toEqual([]);
    await context.close();
  });
  test('prototype keys in storage: the notebook works, nothing reaches Object.prototype', async ({
    browser,
    baseURL,
  }) => {
    const seed = {
      'feedforward:notebook:network-from-scratch:__proto__': '{"polluted":"yes"}',
      'feedforward:notebook:network-from-scratch:constructor': 'x',
      ['__proto__']: '{"polluted":"yes"}',
    };
    const { context, page, errors } = await open(browser, baseURL!, { seed });
    await page.goto(NOTEBOOK);
    await page.locator('[data-notebook][data-ready]').waitFor();
    await page.locator('#cell-data').getByRole('button', { name: 'Run' }).click();
    await expect(page.locator('#cell-data [data-output]')).toContainText('X is 300×2');
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });
});

test.describe('presenter arrival flag (sessionStorage)', () => {
  const seeds: Record<string, { fault?: keyof typeof FAULTS; session?: Record<string, string> }> = {
    blocked: { fault: 'blocked' },
    full: { fault: 'full' },
    corrupt: { session: { 'deck:arrive-bottom': '{"__proto__":{"polluted":1}}' } },
    'prototype keys': { session: { ['__proto__']: 'x', constructor: 'y', prototype: 'z' } },
  };
  for (const [what, { fault, session }] of Object.entries(seeds)) {
    test(`${what}: the deck works, ↑ on the first slide goes to the previous part`, async ({ browser, baseURL }) => {
      const { context, page, errors } = await open(browser, baseURL!, { fault });
      if (session) {
        await page.goto('404.html');
        await page.evaluate((pairs) => {
          for (const [k, v] of pairs) sessionStorage.setItem(k, v);
        }, Object.entries(session));
      }
      await page.goto('present/02-feedforward/forward-pass/#1');
      await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
      await expect(page.locator('[data-deck-count]')).toHaveText(/^1 \/ 6/);
      await page.keyboard.press('ArrowUp');
      await page.waitForURL(/\/architectures\/#last$|\/architectures\/#3$/);
      await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
      await expect(page.locator('[data-deck-count]')).toHaveText(/^3 \/ 3/);
      expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

test.describe('theme choice', () => {
  const cases: Record<string, { fault?: keyof typeof FAULTS; seed?: Record<string, string> }> = {
    blocked: { fault: 'blocked' },
    full: { fault: 'full' },
    corrupt: { seed: { theme: '{"not":"a theme"}' } },
    'prototype keys': { seed: { theme: '__proto__', ['__proto__']: 'dark', constructor: 'dark' } },
  };
  for (const [what, { fault, seed }] of Object.entries(cases)) {
    test(`${what}: the page follows the system, the toggle works for the page, nothing thrown`, async ({
      browser,
      baseURL,
    }) => {
      const { context, page, errors } = await open(browser, baseURL!, { fault, seed });
      await page.goto(LECTURE);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      const toggle = page.locator('[data-theme-toggle]').first();
      await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      if (what === 'full' || what === 'blocked') {
        // Nothing could be stored: a new page follows the system again, and says nothing is wrong.
        await page.goto(`${LECTURE}architectures/`);
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      } else {
        // The damaged value was replaced by the reader's choice, which the next page keeps.
        await page.goto(`${LECTURE}architectures/`);
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
