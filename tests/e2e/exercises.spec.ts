import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, LECTURE } from './site';

const KEY = 'feedforward:progress:02-feedforward';

/** Open a part page and wait until the exercise's island is alive. */
async function openExercise(page: Page, part: string, id: string) {
  if (!page.url().includes(`${LECTURE}${part}/`)) await page.goto(`${LECTURE}${part}/`);
  const q = page.locator(`[data-exercise="${id}"]`);
  await q.scrollIntoViewIfNeeded();
  // The server sends the form's shape disabled; alive, the status carries the progress.
  await q.locator('astro-island:not([ssr]) .exercise__status[data-progress]').waitFor();
  return q;
}

test('choices: hint first, answer only after an attempt, per-option feedback, progress survives a reload', async ({
  page,
  watch,
}) => {
  let q = await openExercise(page, 'forward-pass', 'perceptron-cat-dog');
  await expect(q).toHaveAttribute('id', 'q-perceptron-cat-dog');
  // The model answer is locked until an attempt.
  const reveal = q.getByRole('button', { name: 'Show the answer' });
  await expect(reveal).toHaveAttribute('aria-disabled', 'true');
  await reveal.focus();
  await page.keyboard.press('Enter');
  await expect(q.locator('.exercise__feedback')).toContainText('Have a go first');
  await expect(q.locator('.question__answer-body')).toHaveCount(0);
  await q.getByRole('button', { name: /^Hint \(1 of 2\)/ }).click();
  await expect(q.locator('.exercise__hints')).toContainText('How many classes');
  // Wrong, by keyboard: focus the first radio, arrow down to the second, Enter submits.
  await q.getByRole('radio').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(q.getByRole('radio').nth(1)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(q.locator('.exercise__verdict--wrong')).toContainText('Not quite');
  // One chosen option: its feedback follows the verdict once, with no list of marks.
  await expect(q.locator('.exercise__verdict--wrong')).toContainText('A picture is just numbers');
  await expect(q.locator('.exercise__option-feedback')).toHaveCount(0);
  // Right.
  await q.getByRole('radio', { name: /Yes, in principle/ }).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.locator('.exercise__verdict--right')).toContainText('Right.');
  await expect(q.locator('[aria-live="polite"].exercise__feedback')).toContainText('two-class');
  // The verdict is said once: the option's feedback does not repeat it.
  expect((await q.locator('.exercise__verdict--right').innerText()).match(/\bRight\b/g)).toHaveLength(1);
  await q.getByRole('button', { name: 'Show the answer' }).click();
  await expect(q.locator('.question__answer-body')).toContainText('In practice it would do badly');

  // Multiple choice: two of three true statements is not enough.
  const m = await openExercise(page, 'forward-pass', 'logistic-three-fruits');
  await m.getByRole('checkbox', { name: /single logistic-regression neuron/ }).check();
  await m.getByRole('checkbox', { name: /side by side/ }).check();
  await m.getByRole('button', { name: 'Check' }).click();
  await expect(m.locator('.exercise__verdict--wrong')).toContainText('1 more');
  // Several chosen: each is marked, for the eye (✓) and for a screen reader ("Right choice").
  await expect(m.locator('.exercise__option-feedback li')).toHaveCount(2);
  await expect(m.locator('.exercise__option-feedback li').first()).toHaveText(/^✓\s*Right choice:/);
  await m.getByRole('checkbox', { name: /softmax/ }).check();
  await m.getByRole('button', { name: 'Check' }).click();
  await expect(m.locator('.exercise__verdict--right')).toBeVisible();

  await page.reload();
  q = await openExercise(page, 'forward-pass', 'perceptron-cat-dog');
  await expect(q.locator('.exercise__status')).toHaveText('Solved · answer shown · 1 hint');
  await expect(q.locator('.question__answer-body')).toBeVisible();
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), KEY);
  expect(saved.exercises['perceptron-cat-dog']).toEqual({
    attempts: 2,
    solved: true,
    revealed: true,
    hints: 1,
    task: false,
  });
  expect(saved.exercises['logistic-three-fruits']).toMatchObject({ attempts: 2, solved: true });
  expect(watch.problems).toEqual([]);
});

test('numeric, short text and reflection exercises check typed answers', async ({ page, watch }) => {
  const n = await openExercise(page, 'activation-functions', 'softmax-max-j');
  const field = n.getByLabel('Largest j');
  await field.fill('three');
  await field.press('Enter');
  await expect(n.locator('.exercise__feedback')).toContainText('not a number');
  await expect(n.locator('.exercise__status')).toHaveText('Not attempted yet');
  await field.fill('4');
  await field.press('Enter');
  await expect(n.locator('.exercise__verdict--wrong')).toContainText('too high');
  await field.fill(' 3 ');
  await field.press('Enter');
  await expect(n.locator('.exercise__verdict--right')).toContainText('Right.');

  const r = await openExercise(page, 'activation-functions', 'why-nonlinear');
  await r.getByRole('button', { name: 'Compare with the model answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(r.locator('.exercise__feedback')).toContainText('Write your answer first');
  await r.getByLabel(/Your answer/).fill('Stacked linear layers are still linear.');
  await r.getByRole('button', { name: 'Compare with the model answer' }).click();
  await expect(r.locator('.question__answer-body')).toContainText('weighted sum of weighted sums');
  await r.getByRole('button', { name: 'Mine had the key points' }).click();
  await expect(r.locator('.exercise__status')).toContainText('Solved');

  const t = await openExercise(page, 'backward-pass', 'wrt');
  const input = t.getByLabel('“w.r.t.” means');
  await input.fill('with regard');
  await input.press('Enter');
  await expect(t.locator('.exercise__verdict--wrong')).toBeVisible();
  // Close in everyday English, but not the phrase: neither ✓ nor ✗, a pointer to the model answer.
  await input.fill('with reference to');
  await input.press('Enter');
  await expect(t.locator('.exercise__verdict--unsure')).toContainText('Not sure');
  await expect(t.locator('.exercise__verdict--unsure')).toContainText('Show the answer');
  await expect(t.locator('.exercise__status')).not.toContainText('Solved');
  await input.fill('  With Regard To. ');
  await input.press('Enter');
  await expect(t.locator('.exercise__verdict--right')).toBeVisible();
  await expect(t.locator('.exercise__explanation a')).toHaveAttribute('href', /glossary\/#wrt$/);

  // A key phrase inside a longer answer counts, whatever the hyphens and plurals.
  const l = await openExercise(page, 'loss-functions', 'loss-name');
  const loss = l.getByLabel('Name of the loss');
  await loss.fill('mean squared error');
  await loss.press('Enter');
  await expect(l.locator('.exercise__verdict--wrong')).toContainText('regression');
  // A wrong answer that contains a right phrase is refused with its own reason.
  await loss.fill('binary cross-entropy');
  await loss.press('Enter');
  await expect(l.locator('.exercise__verdict--wrong')).toContainText('two-class case');
  await loss.fill('The multi-class cross entropy');
  await loss.press('Enter');
  await expect(l.locator('.exercise__verdict--right')).toBeVisible();
  expect(watch.problems).toEqual([]);
});

test('a widget task is solved live by driving the perceptron, and stays done', async ({ page, watch }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${LECTURE}forward-pass/`);
  await page.locator('[data-widget="perceptron"]').scrollIntoViewIfNeeded();
  const widget = page.locator('astro-island:not([ssr]) [data-widget="perceptron"]');
  await widget.waitFor();
  const q = await openExercise(page, 'forward-pass', 'perceptron-cat-dog');
  const task = q.locator('.exercise__task');
  await expect(task).toHaveAttribute('data-task', 'live');
  await expect(task.locator('.exercise__goals li').first()).not.toHaveClass(/is-met/);
  // Reduced motion: "Play" runs the perceptron rule to convergence at once.
  await widget.getByRole('button', { name: /play/i }).first().click();
  await expect(widget.locator('[data-readout="accuracy"]')).toContainText('every point is right');
  await expect(task).toHaveAttribute('data-task', 'solved');
  await expect(task.locator('.exercise__task-status')).toContainText('Task done');
  // Break it by keyboard: the task stays done, and says the widget has moved on.
  const w1 = widget.getByRole('slider', { name: 'Weight w₁' });
  await w1.focus();
  await page.keyboard.press('Home');
  await expect(task).toHaveAttribute('data-task', 'done-before');
  await page.reload();
  const again = await openExercise(page, 'forward-pass', 'perceptron-cat-dog');
  await expect(again.locator('.exercise__task')).toHaveAttribute('data-task', /done-before|solved/);
  expect(watch.problems).toEqual([]);
});

test('a task on a training widget: make the learning-rate run diverge', async ({ page, watch }) => {
  await page.goto(`${LECTURE}weight-updates/`);
  const task = (await openExercise(page, 'weight-updates', 'dweights-dbiases-notation')).locator('.exercise__task');
  // Before the widget is scrolled to, the task says it has not loaded and links to it.
  await expect(task).toHaveAttribute('data-task', /waiting|live/);
  await page.locator('[data-widget="learning-rate"]').scrollIntoViewIfNeeded();
  const widget = page.locator('astro-island:not([ssr]) [data-widget="learning-rate"]');
  await widget.waitFor();
  await expect(task).toHaveAttribute('data-task', 'live');
  await widget.getByRole('button', { name: /too big/ }).click();
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-readout="status"]')).toContainText(/Diverged (after epoch|in the first epoch)/, {
    timeout: 20_000,
  });
  await expect(task).toHaveAttribute('data-task', 'solved');
  expect(watch.problems).toEqual([]);
});

test('progress summary: export, reset (asks), import round trip, bad file refused, overwrite asks', async ({
  page,
  watch,
}) => {
  await page.goto(LECTURE);
  const record = {
    format: 'feedforward-progress',
    version: 1,
    lecture: '02-feedforward',
    saved: '2026-11-25T10:00:00.000Z',
    exercises: {
      'perceptron-cat-dog': { attempts: 1, solved: true, revealed: false, hints: 0, task: true },
      'why-clip': { attempts: 3, solved: false, revealed: true, hints: 1, task: false },
    },
  };
  await page.evaluate(([k, r]) => localStorage.setItem(k as string, JSON.stringify(r)), [KEY, record] as const);
  await page.reload();
  const s = page.locator('astro-island:not([ssr]) [data-progress-summary="02-feedforward"]');
  await expect(s.locator('[data-summary="total"]')).toHaveText(
    '1 of 24 exercises solved, 2 attempted; 1 of 9 widget tasks done.',
  );
  await expect(s.locator('tr[data-part="loss-functions"] td').nth(1)).toHaveText('1');

  const downloadPromise = page.waitForEvent('download');
  await s.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('feedforward-lecture02-progress.json');
  const exported = await readFile((await download.path())!, 'utf8');
  expect(JSON.parse(exported).exercises).toEqual(record.exercises);

  page.once('dialog', (d) => void d.dismiss());
  await s.getByRole('button', { name: 'Reset progress' }).click();
  await expect(s.locator('.progress-summary__message')).toHaveText('Reset cancelled: your progress is unchanged.');
  page.once('dialog', (d) => void d.accept());
  await s.getByRole('button', { name: 'Reset progress' }).click();
  await expect(s.locator('[data-summary="total"]')).toContainText('0 of 24 exercises solved, 0 attempted');

  const file = s.locator('input[type="file"]');
  await file.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"other"}'),
  });
  await expect(s.locator('[data-message="error"]')).toHaveText(
    'Nothing imported from bad.json: The file is not a progress file of this site.',
  );
  await file.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(s.locator('[data-summary="total"]')).toContainText('1 of 24 exercises solved, 2 attempted');
  // Now there is progress to lose: importing asks first; declining changes nothing.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  const other = {
    ...record,
    exercises: { wrt: { attempts: 1, solved: true, revealed: false, hints: 0, task: false } },
  };
  await file.setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(other)),
  });
  await expect(s.locator('.progress-summary__message')).toHaveText('Import cancelled: your progress is unchanged.');
  expect(asked).toContain('Replace your saved progress');
  await expect(s.locator('[data-summary="total"]')).toContainText('1 of 24 exercises solved, 2 attempted');

  // The home page shows the same summary.
  await page.goto('');
  await expect(
    page.locator('astro-island:not([ssr]) [data-progress-summary="02-feedforward"] [data-summary="total"]'),
  ).toContainText('1 of 24 exercises solved');
  expect(watch.problems).toEqual([]);
});

test('blocked, full or corrupt storage: the page works and says progress is not being saved', async ({
  browser,
  baseURL,
}) => {
  const breakers = {
    blocked: () =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      }),
    full: () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
    },
    corrupt: () => window.localStorage.setItem('feedforward:progress:02-feedforward', '{not json'),
  } as const;
  for (const [status, breaker] of Object.entries(breakers)) {
    const context = await browser.newContext({ baseURL: baseURL! });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(breaker);
    await page.goto(LECTURE);
    await expect(page.locator(`.progress-summary__notice[data-storage="${status}"]`)).toContainText('not being saved');
    const q = await openExercise(page, 'activation-functions', 'softmax-max-j');
    await q.getByLabel('Largest j').fill('3');
    await q.getByLabel('Largest j').press('Enter');
    await expect(q.locator('.exercise__verdict--right')).toBeVisible();
    await expect(q.locator('.exercise__status')).toHaveText('Solved');
    await expect(page.locator(`.exercise__storage[data-storage="${status}"]`)).toContainText('not being saved');
    if (status === 'corrupt')
      expect(await page.evaluate(() => localStorage.getItem('feedforward:progress:02-feedforward'))).toBe('{not json');
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('answer key: every exercise with its answer, linked to its anchor, out of search and navigation; axe clean', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto('instructors/answer-key/');
    if (scheme === 'light') {
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
      await expect(page.locator('.site-header a[href*="instructors"]')).toHaveCount(0);
      await expect(page.locator('main')).toContainText('a determined student');
      const items = page.locator('[data-key]');
      await expect(items).toHaveCount(24);
      await expect(page.locator('[data-key="softmax-max-j"]')).toContainText('Answer: 3 (exactly)');
      await expect(page.locator('[data-key="wrt"]')).toContainText('with respect to');
      await page.locator('[data-key="why-clip"] [data-key-link]').click();
      await expect(page).toHaveURL(/loss-functions\/#q-why-clip$/);
      await expect(page.locator('#q-why-clip[data-exercise="why-clip"]')).toBeVisible();
      await page.goto('instructors/answer-key/');
    }
    // The page repeats one pattern 24 times with much math (axe takes ~30 s on all of it): check the frame and two items.
    const results = await new AxeBuilder({ page })
      .include('.site-header')
      .include('.answer-key > :not(section)')
      .include('[data-key="logistic-three-fruits"]')
      .include('[data-key="wrt"]')
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    // An exercise with feedback, hints and the answer open, in this scheme.
    const q = await openExercise(page, 'forward-pass', 'perceptron-three-fruits');
    await q.getByRole('button', { name: /^Hint/ }).click();
    await q.getByRole('radio').nth(1).check();
    await q.getByRole('button', { name: 'Check' }).click();
    await q.getByRole('button', { name: 'Show the answer' }).click();
    const inPage = await new AxeBuilder({ page })
      .include('[data-exercise="perceptron-three-fruits"]')
      .include('[data-exercise="perceptron-cat-dog"]')
      .analyze();
    expect(inPage.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await context.close();
  }
});
