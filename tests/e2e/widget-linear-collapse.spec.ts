import AxeBuilder from '@axe-core/playwright';
import { test, expect, openWidget, openDetails } from './site';

const URL = 'embed/linear-collapse/';

test.describe('linear-collapse widget', () => {
  test('the slide weights collapse to 8x₁ + 20x₂; keyboard on a weight updates the product live', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'linear-collapse');
    const verdict = widget.locator('[data-readout="verdict"]');
    await expect(verdict).toContainText('The collapse holds');
    await expect(verdict).toContainText('ŷ = 8x₁ + 20x₂');
    await expect(widget.locator('[data-readout="mismatches"]')).toHaveText('0 of 200');
    const w = widget.getByRole('slider', { name: 'h₁₂ → ŷ' });
    await w.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect(w).toHaveValue('2');
    // W₁W₂ = [[2, 2], [6, 2]], times [[2], [1]] = [[6], [14]]
    await expect(verdict).toContainText('ŷ = 6x₁ + 14x₂');
    await expect(widget.locator('.tex').nth(1)).toContainText('14');
    expect(watch.problems).toEqual([]);
  });

  test('switching to ReLU breaks the collapse, in words, numbers and the chart', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'linear-collapse');
    const chart = widget.locator('.chart__plot svg').first();
    const before = await chart.innerHTML();
    await widget.getByRole('combobox', { name: 'Hidden activation' }).selectOption('relu');
    const verdict = widget.locator('[data-readout="verdict"]');
    await expect(verdict).toContainText('No collapse');
    await expect(verdict).toContainText(/disagree on \d+ of 200/);
    await expect(widget.locator('[data-readout="mismatches"]')).not.toHaveText('0 of 200');
    const max = Number((await widget.locator('[data-readout="max-difference"]').innerText()).replace('−', '-'));
    expect(max).toBeGreaterThan(1);
    await expect.poll(() => chart.innerHTML()).not.toBe(before);
    await expect(chart).toHaveAttribute('aria-label', /lie off the diagonal/);
    expect(watch.problems).toEqual([]);
  });

  test('new random inputs change the table; a typed weight out of range is clamped', async ({ page }) => {
    const widget = await openWidget(page, URL, 'linear-collapse');
    const firstRow = widget.locator('.linear-collapse__table tbody tr').first();
    const before = await firstRow.innerText();
    await widget.getByRole('button', { name: 'New random inputs' }).click();
    await expect.poll(() => firstRow.innerText()).not.toBe(before);
    const field = widget.getByRole('textbox', { name: 'x₁ → h₁₁, exact value' });
    await field.fill('12');
    await field.press('Enter');
    await expect(field).toHaveValue('5.0');
    await expect(widget.getByText('12 is outside −5 … 5; set to 5.')).toBeVisible();
    await expect(widget.locator('[data-readout="verdict"]')).toContainText('ŷ = 40x₁ + 20x₂');
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?linear-collapse=w3:1_1,act:relu`, 'linear-collapse');
    await expect(widget.getByRole('slider', { name: 'h₁₂ → ŷ' })).toHaveValue('1');
    await expect(widget.getByRole('combobox', { name: 'Hidden activation' })).toHaveValue('relu');
    widget = await openWidget(page, `${URL}?linear-collapse=w1:1_2,act:gelu,zz:%3Cscript%3E`, 'linear-collapse');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('slider', { name: 'x₂ → h₂₁' })).toHaveValue('2');
    await expect(widget.getByRole('combobox', { name: 'Hidden activation' })).toHaveValue('linear');
    await expect(widget.locator('[data-readout="verdict"]')).toContainText('8x₁ + 20x₂');
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in ${scheme} mode`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, `${URL}?linear-collapse=act:relu`, 'linear-collapse');
      await expect(widget.locator('.chart__plot svg')).toHaveCount(1);
      await openDetails(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      await context.close();
    });
  }
});
