import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { test, expect, frames, openWidget, report } from './site';

const URL = 'embed/playground/';
const SPIRAL = `${URL}?playground=data:spiral,arch:16_16,a1:relu,a2:relu`;

const count = async (widget: Locator, name: string) =>
  Number(await widget.locator(`[data-readout="${name}"]`).innerText());
/** A fingerprint of the heat map's pixels. */
const mapPixels = (widget: Locator) =>
  widget.locator('canvas.playground__canvas').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 97) h = (Math.imul(h, 31) + data[i]!) >>> 0;
    return h;
  });
const paths = (widget: Locator) =>
  widget
    .locator('svg path, svg line')
    .evaluateAll((ps) => ps.map((p) => `${p.getAttribute('d') ?? ''}${p.getAttribute('x1') ?? ''}`).join(' '));

test.describe('playground widget', () => {
  test('training runs, the counters move apart, pausing stops them; one epoch and one iteration', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, SPIRAL, 'playground');
    await expect(widget.locator('[data-readout="architecture"]')).toContainText('2-16-16-3');
    expect(await count(widget, 'epoch')).toBe(0);
    await expect.poll(() => mapPixels(widget)).not.toBe(0);
    const before = await mapPixels(widget);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => count(widget, 'epoch'), { timeout: 15_000 }).toBeGreaterThan(5);
    await widget.getByRole('button', { name: 'Pause' }).click();
    const epoch = await count(widget, 'epoch');
    const iteration = await count(widget, 'iteration');
    // 210 training points in batches of 10: 21 updates per epoch. A frame trains for its time budget,
    // so a loaded machine can pause the run part-way through an epoch.
    expect(epoch).toBe(Math.floor(iteration / 21));
    expect(await mapPixels(widget)).not.toBe(before);
    // Training runs in chunks, one per animation frame: after ten frames a running loop would have moved on.
    await frames(page, 10);
    expect(await count(widget, 'epoch')).toBe(epoch);
    expect(await count(widget, 'iteration')).toBe(iteration);
    // One iteration: one update, the same epoch. One epoch: the rest of it.
    await widget.getByRole('button', { name: 'One iteration' }).click();
    await expect(widget.locator('[data-readout="iteration"]')).toHaveText(String(iteration + 1));
    const afterOne = Math.floor((iteration + 1) / 21);
    await expect(widget.locator('[data-readout="epoch"]')).toHaveText(String(afterOne));
    await widget.getByRole('button', { name: 'One epoch' }).click();
    await expect(widget.locator('[data-readout="epoch"]')).toHaveText(String(afterOne + 1));
    expect(await count(widget, 'iteration')).toBe((afterOne + 1) * 21);
    const r = await report(widget);
    expect(r).toMatchObject({
      dataset: 'spiral',
      epoch: afterOne + 1,
      iteration: (afterOne + 1) * 21,
      diverged: false,
    });
    for (const key of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy']) expect(typeof r[key]).toBe('number');
    expect(await paths(widget)).not.toContain('NaN');
    // Restart: back to epoch 0 with the same seed
    await widget.getByRole('button', { name: 'Restart' }).click();
    await expect(widget.locator('[data-readout="epoch"]')).toHaveText('0');
    await expect.poll(() => mapPixels(widget)).toBe(before);
    expect(watch.problems).toEqual([]);
  });

  test('layers by keyboard; a mismatched output and loss is explained and can be fixed; the set-up is in the link', async ({
    page,
  }) => {
    const widget = await openWidget(page, `${URL}?playground=data:fruits`, 'playground');
    await widget.getByRole('button', { name: 'Add a hidden layer' }).press('Enter');
    await expect(widget.getByRole('slider', { name: 'Units in hidden layer 3' })).toBeVisible();
    const units = widget.getByRole('slider', {
      name: 'Units in hidden layer 3',
    });
    await units.focus();
    await page.keyboard.press('End');
    await widget.getByRole('combobox', { name: 'Activation of hidden layer 3' }).selectOption('relu');
    await expect(widget.locator('[data-readout="architecture"]')).toContainText('2-8-8-16-3');
    await expect(widget).toHaveAttribute('data-state', 'data:fruits,arch:8_8_16,a3:relu');
    await widget.getByRole('combobox', { name: 'Loss' }).selectOption('mse');
    const note = widget.locator('[data-readout="pair"]');
    await expect(note).toContainText('Mismatched pair: softmax output with mean squared error');
    await widget.getByRole('combobox', { name: 'Output activation' }).selectOption('sigmoid');
    await widget.getByRole('combobox', { name: 'Loss' }).selectOption('bce');
    await expect(note).toContainText('add up to 1');
    expect((await report(widget)).pairFits).toBe(false);
    await note
      .getByRole('button', {
        name: 'Use softmax with categorical cross-entropy',
      })
      .click();
    await expect(note).toHaveCount(0);
    // the batch size reads back what an epoch is
    const batch = widget.getByRole('textbox', {
      name: 'Batch size, exact value',
    });
    await batch.fill('300');
    await batch.press('Enter');
    await expect(widget.locator('[data-readout="batch"]')).toContainText('batch gradient descent');
  });

  test('a learning rate far too large diverges, says so, and draws no NaN', async ({ page }) => {
    const widget = await openWidget(page, `${URL}?playground=data:sine,arch:16_16,lr:3`, 'playground');
    await widget.getByRole('button', { name: 'Play' }).click();
    const status = widget.locator('[data-readout="status"]');
    await expect(status).toContainText('diverged', { timeout: 20_000 });
    await expect(status).toContainText('smaller learning rate');
    expect((await report(widget)).diverged).toBe(true);
    expect(await widget.locator('[data-readout="loss"]').innerText()).not.toContain('NaN');
    expect(await paths(widget)).not.toContain('NaN');
  });

  // The run's health (lib/health.ts, shown by the shared status line): the spiral with ReLU at α = 3
  // swings between losses of 1 and 5 at chance accuracy; the status says so, with the fix.
  test('spiral, ReLU, α = 3 set with the controls: the status says "Oscillating" and to lower α', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, 'embed/playground/', 'playground');
    const status = widget.locator('[data-readout="status"]');
    await widget.getByRole('combobox', { name: 'Data set' }).selectOption('spiral');
    await widget.getByRole('combobox', { name: 'Activation of hidden layer 1' }).selectOption('relu');
    await widget.getByRole('combobox', { name: 'Activation of hidden layer 2' }).selectOption('relu');
    await widget.getByRole('combobox', { name: 'Learning rate α₀' }).selectOption('3');
    await widget.getByRole('combobox', { name: 'Speed' }).selectOption('slow');
    await expect(status).toContainText('Press Play');
    await widget.getByRole('button', { name: 'Play' }).click();
    // The verdict comes after 30 epochs at the earliest and holds from then on (slow: 20 epochs/s);
    // pausing keeps it, so what follows checks one fixed state.
    await expect(status).toContainText('Oscillating:', { timeout: 30_000 });
    await widget.getByRole('button', { name: 'Pause' }).click();
    await expect(status).toContainText('the loss swings up and down');
    await expect(status).toContainText('Lower the learning rate α, or use less momentum β. Paused.');
    await expect(status).toHaveClass(/widget__status--bad/);
    expect(await status.innerText()).not.toContain('NaN');
    await expect(widget.locator('[data-widget-announce]')).toContainText(
      'Warning, the training is oscillating. Lower the learning rate α, or use less momentum β.',
    );
    await expect
      .poll(async () => JSON.parse((await widget.getAttribute('data-report')) ?? '{}').health)
      .toBe('oscillating');
    // Restart: a fresh run is not judged yet.
    await widget.getByRole('button', { name: 'Restart' }).click();
    await expect(status).toContainText('Press Play');
    await expect(status).not.toHaveClass(/widget__status--bad/);
    expect(watch.problems).toEqual([]);
  });

  test('edit a weight by keyboard or by clicking its edge; pin a run and compare', async ({ page }) => {
    const widget = await openWidget(page, `${URL}?playground=data:xor,arch:4`, 'playground');
    await widget.getByRole('combobox', { name: 'Between' }).selectOption('1');
    await widget.getByRole('combobox', { name: 'From' }).selectOption('2');
    const loss0 = (await report(widget)).trainLoss;
    const weight = widget.getByRole('textbox', { name: 'Weight, exact value' });
    await weight.fill('5');
    await weight.press('Enter');
    await expect.poll(async () => (await report(widget)).trainLoss).not.toBe(loss0);
    await expect(widget.locator('[data-edge="1-2-0"]')).toHaveAttribute('data-lit', '');
    // Click the middle of another edge: it becomes the chosen one
    await widget.locator('[data-readout="diagram"]').scrollIntoViewIfNeeded();
    const box = await widget.locator('[data-edge="0-1-3"]').evaluate((l) => {
      const r = l.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await expect(widget.getByRole('combobox', { name: 'Between' })).toHaveValue('0');
    await expect(widget.getByRole('combobox', { name: 'From' })).toHaveValue('1');
    await expect(widget.getByRole('combobox', { name: 'To' })).toHaveValue('3');
    // Pin, change the learning rate, train: two runs on one chart
    await widget.getByRole('button', { name: 'Restart' }).click();
    for (let i = 0; i < 3; i++) await widget.getByRole('button', { name: 'One epoch' }).click();
    await widget.getByRole('button', { name: 'Pin this run' }).click();
    await widget.getByRole('combobox', { name: 'Learning rate α₀' }).selectOption('0.3');
    await expect(widget.locator('[data-readout="pinned"]')).toContainText('learning rate 0.03 → 0.3');
    await widget.getByRole('button', { name: 'One epoch' }).click();
    const lossChart = widget.locator('.playground__charts .chart__plot svg').first();
    await expect(lossChart.locator('path[stroke-dasharray="2 3"], [stroke-dasharray="2 3"] path')).not.toHaveCount(0);
    expect((await report(widget)).pinned).toBe(true);
  });

  test('export the model and load it back (with confirmation); a bad file is refused without harm', async ({
    page,
  }, info) => {
    const widget = await openWidget(page, `${URL}?playground=data:circles,arch:3`, 'playground');
    await widget.getByRole('button', { name: 'One epoch' }).click();
    const trained = (await report(widget)).trainLoss;
    const downloading = page.waitForEvent('download');
    await widget.getByRole('button', { name: 'Download the model (JSON)' }).click();
    const file = info.outputPath('model.json');
    await (await downloading).saveAs(file);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({
      version: 1,
      kind: 'network',
      playground: { dataset: 'circles', epoch: 1 },
    });
    // a different architecture now; loading the file brings back 2-3-1
    await widget.getByRole('button', { name: 'Add a hidden layer' }).click();
    await expect(widget.locator('[data-readout="architecture"]')).toContainText('2-3-3-1');
    const input = widget.getByLabel('Load a model (JSON file)');
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{"version":1,"kind":"network","layers":[{"activation":"relu","weights":[[1]],"biases":[0,0]}]}',
      ),
    });
    await expect(widget.getByRole('alert')).toContainText('not a model the playground can read');
    await expect(widget.locator('[data-readout="architecture"]')).toContainText('2-3-3-1');
    await input.setInputFiles(file);
    const confirm = widget.getByRole('alertdialog');
    await expect(confirm).toContainText('Replace the current model (2-3-3-1');
    await confirm.getByRole('button', { name: 'Keep the current model' }).click();
    await expect(widget.locator('[data-readout="architecture"]')).toContainText('2-3-3-1');
    await input.setInputFiles(file);
    await widget.getByRole('alertdialog').getByRole('button', { name: 'Replace the model' }).click();
    await expect(widget.locator('[data-readout="architecture"]')).toContainText('2-3-1');
    await expect(widget.locator('[data-readout="file"]')).toContainText('Loaded');
    // the loaded weights are the saved ones: the same training loss as after that epoch, at epoch 0 of a new run
    await expect(widget.locator('[data-readout="epoch"]')).toHaveText('0');
    expect((await report(widget)).trainLoss).toBe(trained);
    await widget.getByRole('button', { name: 'One epoch' }).click();
    await widget.getByRole('button', { name: 'Restart' }).click();
    expect((await report(widget)).trainLoss).toBe(trained);
  });

  test('a garbage link falls back with a notice; axe finds nothing in light and dark', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        baseURL: baseURL!,
        colorScheme: scheme,
      });
      const page = await context.newPage();
      const widget = await openWidget(
        page,
        `${URL}?playground=data:moons,arch:1_2_3_4_5,lr:0.5,loss:mse`,
        'playground',
      );
      await expect(widget.getByRole('alert')).toContainText('could not all be used');
      await expect(widget.getByRole('combobox', { name: 'Data set' })).toHaveValue('circles');
      await expect(widget.locator('[data-readout="architecture"]')).toContainText('2-8-8-1');
      await widget.getByRole('button', { name: 'One epoch' }).click();
      await widget.getByRole('combobox', { name: 'From' }).selectOption('1');
      const results = await new AxeBuilder({ page }).include('[data-widget="playground"]').analyze();
      expect(
        results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`),
      ).toEqual([]);
      await context.close();
    }
  });
});
