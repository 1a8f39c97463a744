import AxeBuilder from '@axe-core/playwright';
import { test, expect, openWidget, openDetails, overflowX } from './site';

const URL = 'embed/layer-matmul/';
const NAME = 'layer-matmul';

test.describe('layer-matmul widget', () => {
  test('keyboard: arrows step a weight, Z and the written-out sum follow', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, NAME);
    const z1 = widget.locator('[data-z="0-0"]');
    await expect(z1).toContainText('1.00');
    const w11 = widget.getByRole('spinbutton', { name: 'w₁₁' });
    await w11.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    await expect(w11).toHaveValue('0.8');
    await expect(z1).toContainText('1.30'); // x₁ = 1, so z₁ grows by 0.3
    await expect(widget.locator('[data-readout="sum"] .katex-mathml')).toContainText('0.8');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(w11).toHaveValue('−0.2');
    await expect(z1).toContainText('0.30');
    expect(watch.problems).toEqual([]);
  });

  test('typing updates Z at once; out of range is clamped with a hint; garbage is refused', async ({ page }) => {
    const widget = await openWidget(page, URL, NAME);
    const x1 = widget.getByRole('spinbutton', { name: 'x₁' });
    await x1.fill('3');
    await expect(widget.locator('[data-z="0-0"]')).toContainText('2.00'); // 3·0.5 + 2·0.3 + 0 − 0.2 + 0.1, before Enter
    const x2 = widget.getByRole('spinbutton', { name: 'x₂' });
    await x2.fill('99');
    await x2.press('Enter');
    await expect(x2).toHaveValue('10.0');
    await expect(widget.getByText('x₂: 99 is outside −10 … 10; set to 10.0.')).toBeVisible();
    await expect(x2).toHaveAccessibleDescription('x₂: 99 is outside −10 … 10; set to 10.0.');
    await x2.fill('abc');
    await x2.press('Enter');
    await expect(x2).toHaveValue('10.0');
    await expect(widget.getByText('x₂: "abc" is not a number; kept 10.0.')).toBeVisible();
    await x2.fill('5');
    await x2.press('Escape');
    await expect(x2).toHaveValue('10.0');
  });

  test('pointing at or focusing an entry of Z writes out its sum and marks its row and column', async ({ page }) => {
    const widget = await openWidget(page, URL, NAME);
    const sum = widget.locator('[data-readout="sum"]');
    await widget.locator('[data-z="0-1"]').hover();
    await expect(sum).toContainText('z₂ = row 1 of X');
    await expect(sum.locator('.katex-mathml')).toContainText('1.30');
    await expect(widget.locator('.layer-matmul__cell--col [data-entry="w-0-1"]')).toHaveCount(1);
    await expect(widget.locator('.layer-matmul__cell--col [data-entry="w-0-0"]')).toHaveCount(0);
    await expect(widget.locator('.layer-matmul__cell--row [data-entry]')).toHaveCount(4);
    const z3 = widget.getByRole('button', { name: 'z₃ = −1.70' });
    await z3.focus();
    await expect(sum).toContainText('z₃ = row 1 of X');
    await expect(z3).toHaveAccessibleDescription(
      'z₃ = 1.0 × 0.1 + 2.0 × (−0.5) + 0.0 × 0.2 + (−1.0) × 0.6 + (−0.2) = −1.70',
    );
    await expect(widget.locator('.layer-matmul__cell--col [data-entry="b-2"]')).toHaveCount(1);
  });

  test('a batch of three examples: Z gets a row per example, B is added to each', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, NAME);
    await widget.getByRole('combobox', { name: 'Examples in the batch (rows of X)' }).selectOption('3');
    await expect(widget.locator('[data-z]')).toHaveCount(9);
    await expect(widget.locator('[data-entry^="x-"]')).toHaveCount(12);
    await expect(widget.locator('[data-readout="shapes"]')).toContainText('X is 3×4');
    await expect(widget.getByRole('spinbutton', { name: 'x₁ of example 3' })).toHaveValue('−2.0');
    const z = widget.getByRole('button', { name: /^z₂ of example 3 = / });
    await z.focus();
    await expect(z).toHaveAccessibleDescription(
      /^z₂ of example 3 = \(−2\.0\) × \(−0\.2\) \+ 0\.0 × 0\.8 \+ 1\.0 × 0\.4 \+ 0\.5 × 0\.1 \+ 0\.0 = 0\.85$/,
    );
    await expect(widget.locator('.layer-matmul__cell--row [data-entry^="x-2-"]')).toHaveCount(4);
    const before = await widget.locator('[data-z="2-1"]').innerText();
    await widget.getByRole('spinbutton', { name: 'b₂' }).fill('1');
    await expect(widget.locator('[data-z="2-1"]')).toContainText('1.85');
    expect(before).toContain('0.85');
    expect(watch.problems).toEqual([]);
  });

  test('the code lines stand side by side, the full code follows the numbers', async ({ page }) => {
    const widget = await openWidget(page, URL, NAME);
    await expect(widget.getByText('Z = np.dot(X, W) + B', { exact: true })).toBeVisible();
    await expect(widget.getByText('const Z = addRowVector(matmul(X, W), B);', { exact: true })).toBeVisible();
    await widget.getByText('Show both as runnable code with these numbers').click();
    await widget.getByRole('spinbutton', { name: 'b₁' }).fill('0.5');
    await expect(widget.getByLabel('NumPy code with the current numbers')).toContainText(
      'B = np.array([0.5, 0.0, -0.2])',
    );
    await expect(widget.getByLabel('TypeScript code with the current numbers')).toContainText('[[1.40, 1.30, -1.70]]');
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?layer-matmul=rows:2,b:1_1_1`, NAME);
    await expect(widget.getByRole('combobox', { name: 'Examples in the batch (rows of X)' })).toHaveValue('2');
    await expect(widget.getByRole('spinbutton', { name: 'b₁' })).toHaveValue('1.0');
    await expect(widget.locator('[data-z="0-0"]')).toContainText('1.90');
    widget = await openWidget(page, `${URL}?layer-matmul=rows:9,w:NaN,zz:%3Cscript%3E,b:1e999_0_0`, NAME);
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('spinbutton', { name: 'w₁₁' })).toHaveValue('0.5');
    await expect(widget.locator('[data-z]')).toHaveCount(3);
    await expect(widget.locator('[data-z="0-0"]')).toContainText('1.00');
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  test('on a 360 px phone: nothing overflows, and tapping Z and typing work', async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      baseURL: baseURL!,
      viewport: { width: 360, height: 740 },
      hasTouch: true,
    });
    const page = await context.newPage();
    const widget = await openWidget(page, `${URL}?layer-matmul=rows:3`, NAME);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await widget.locator('[data-z="2-2"]').tap();
    await expect(widget.locator('[data-readout="sum"]')).toContainText('z₃ of example 3');
    const x = widget.getByRole('spinbutton', { name: 'x₄ of example 3' });
    await x.tap();
    await x.fill('-1');
    await x.press('Enter');
    await expect(x).toHaveValue('−1.0');
    await expect(widget.locator('[data-z="2-2"]')).toContainText('−0.80'); // (−2)·0.1 + 0·(−0.5) + 1·0.2 + (−1)·0.6 + (−0.2)
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in ${scheme} mode`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, `${URL}?layer-matmul=rows:3`, NAME);
      await expect(widget.locator('[data-z]')).toHaveCount(9);
      await widget.locator('[data-z="1-2"]').hover();
      await openDetails(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      await context.close();
    });
  }
});
