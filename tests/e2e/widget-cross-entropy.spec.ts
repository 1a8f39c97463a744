import { test, expect, openWidget, remember, drawnBars, axeViolations, openDetails } from './site';

const URL = 'embed/cross-entropy/';

test.describe('cross-entropy widget', () => {
  test("the slides' blue and yellow predictions give 1.20 and 0.24; moving a probability keeps the sum at 1", async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'cross-entropy');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('1.2006');
    await expect(widget.getByRole('button', { name: 'Blue (loss 1.20)' })).toBeVisible();
    await widget.getByRole('button', { name: 'Yellow (loss 0.24)' }).click();
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('0.2370');
    await expect(widget.locator('[data-readout="sum"]')).toContainText('1.000');
    const chart = widget.locator('.chart__plot svg').nth(1);
    // One bar per class, really drawn (a regression once drew them at zero size, unseen by the readouts).
    await expect.poll(() => drawnBars(widget.locator('.chart__plot svg').first())).toBe(4);
    const before = await chart.innerHTML();
    const pear = widget.getByRole('slider', { name: 'P(Pear)' });
    await pear.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(pear).toHaveValue('0.788');
    await expect(widget.locator('[data-readout="sum"]')).toContainText('1.000');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText((-Math.log(0.788)).toFixed(4));
    await expect.poll(() => chart.innerHTML()).not.toBe(before);
    await widget.getByRole('combobox', { name: 'True class' }).selectOption({ label: 'Dog' });
    await expect(widget.locator('[data-readout="p-true"]')).not.toHaveText('0.788');
    await expect(widget).toHaveAttribute('data-report', /"trueClass":"Dog"/);
    expect(watch.problems).toEqual([]);
  });

  test('the true class, the case and the label y move only the overlays: the charts are not drawn again', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'cross-entropy');
    const charts = widget.locator('.chart__plot svg');
    await expect(charts).toHaveCount(2);
    const drawn = { bars: await remember(charts.nth(0)), curve: await remember(charts.nth(1)) };
    const stays = (name: 'bars' | 'curve') => drawn[name].stay();
    const trueClass = widget.getByRole('combobox', { name: 'True class' });
    await trueClass.focus();
    for (const [key, name] of [
      ['ArrowDown', 'House'],
      ['ArrowDown', 'Grass'],
      ['ArrowUp', 'House'],
    ] as const) {
      await page.keyboard.press(key);
      await expect(widget).toHaveAttribute('data-report', new RegExp(`"trueClass":"${name}"`));
      // The true class is named under its bar.
      await expect(charts.first()).toContainText(`${name} (true)`);
    }
    expect(await stays('bars')).toBe(true);
    expect(await stays('curve')).toBe(true);
    // The binary case draws its two branches over the same axes (the bar chart is not shown there).
    const mode = widget.getByRole('combobox', { name: 'Case' });
    await mode.focus();
    await page.keyboard.press('ArrowDown');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('0.2231');
    await expect(charts).toHaveCount(1);
    await expect(charts.first()).toContainText('ŷ, the predicted probability of y = 1');
    const label = widget.getByRole('combobox', { name: 'True label y' });
    await label.focus();
    await page.keyboard.press('ArrowDown');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('1.6094');
    await page.keyboard.press('ArrowUp');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('0.2231');
    await widget.getByRole('switch', { name: /Clip to/ }).press('Space');
    await expect(widget).toHaveAttribute('data-report', /"clipped":false/);
    await mode.focus();
    await page.keyboard.press('ArrowUp');
    await expect(charts).toHaveCount(2);
    await expect(charts.nth(1)).toContainText('p, the probability given to the true class');
    expect(await stays('curve')).toBe(true);
    expect(watch.problems).toEqual([]);
  });

  test('a probability of 0 for the true class: 16.1181 with clipping, infinite (in words, no NaN drawn) without', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'cross-entropy');
    await widget.getByRole('button', { name: 'True class gets 0' }).click();
    await expect(widget.locator('[data-readout="p-true"]')).toHaveText('0.000');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('16.1181');
    await expect(widget.locator('[data-readout="verdict"]')).toContainText('Clipping is at work');
    await widget.getByRole('switch', { name: /Clip to/ }).press('Space');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('infinite (∞)');
    await expect(widget.locator('[data-readout="verdict"]')).toContainText('Without clipping the loss is infinite');
    await expect(widget).toHaveAttribute('data-report', /"loss":null,"infinite":true,"clipped":false/);
    const svg = await widget.locator('.chart__plot svg').nth(1).innerHTML();
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('infinite');
    expect(watch.problems).toEqual([]);
  });

  test('binary case: both branches, −log ŷ for y = 1 and −log(1 − ŷ) for y = 0', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'cross-entropy');
    await widget.getByRole('combobox', { name: 'Case' }).selectOption('binary');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('0.2231');
    await widget.getByRole('combobox', { name: 'True label y' }).selectOption('0');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('1.6094');
    const yhat = widget.getByRole('slider', { name: 'Prediction y-hat' });
    await yhat.focus();
    await page.keyboard.press('End');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('16.1181');
    await expect(widget.locator('.chart__plot svg')).toHaveAttribute('aria-label', /two branches/);
    expect(watch.problems).toEqual([]);
  });

  test('a garbage link falls back with a visible notice; axe finds nothing in light and dark', async ({
    browser,
    baseURL,
  }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, `${URL}?cross-entropy=mode:ternary,p:1_2,clip:yes`, 'cross-entropy');
      await expect(widget.getByRole('alert')).toContainText('could not all be used');
      await expect(widget.locator('[data-readout="loss"]')).toHaveText('1.2006');
      await openDetails(page);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
