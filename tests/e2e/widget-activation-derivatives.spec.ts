import { test, expect, openWidget, axeViolations, openDetails } from './site';

const URL = 'embed/activation-derivatives/';

test.describe('activation-derivatives widget', () => {
  test('ReLU′ and σ′ follow x by keyboard and by dragging on the chart', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'activation-derivatives');
    await expect(widget.locator('[data-readout="relu"]')).toHaveText('1');
    await expect(widget.locator('[data-readout="sigmoid"]')).toHaveText('0.235');
    const x = widget.getByRole('slider', { name: 'Input x' });
    await x.focus();
    await page.keyboard.press('Home');
    await expect(widget.locator('[data-readout="relu"]')).toHaveText('0');
    await expect(widget.locator('[data-readout="sigmoid"]')).toHaveText('0.018');
    // Drag across the chart to about x = 2.
    const svg = widget.locator('.chart__plot svg').first();
    const box = (await svg.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.78, y, { steps: 3 });
    await page.mouse.up();
    const value = Number(await x.inputValue());
    expect(value).toBeGreaterThan(1);
    await expect(widget.locator('[data-readout="relu"]')).toHaveText('1');
    const s = 1 / (1 + Math.exp(-value));
    await expect(widget.locator('[data-readout="sigmoid"]')).toHaveText((s * (1 - s)).toFixed(3));
    expect(watch.problems).toEqual([]);
  });

  test('the softmax Jacobian for the logits: S(1 − S) on the diagonal, −S_i S_j off it, rows summing to 0', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'activation-derivatives');
    await expect(widget.locator('[data-readout="probs"]')).toContainText('(0.659, 0.242, 0.099)');
    await expect(widget.locator('[data-readout="j-0-0"]')).toHaveText('+0.225');
    await expect(widget.locator('[data-readout="j-0-1"]')).toHaveText('−0.160');
    await expect(widget.locator('[data-readout="rowsum-0"]')).toHaveText('0.000');
    await expect(widget.locator('pre code')).toContainText('dz = np.diagflat(prob) - np.dot(prob, prob.T)');
    await expect(widget.locator('pre code')).toContainText('[[ 0.225 -0.160 -0.065]');
    const k = widget.getByRole('slider', { name: 'Number of classes K' });
    await k.focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.locator('[data-readout="j-3-3"]')).toBeVisible();
    const z1 = widget.getByRole('slider', { name: 'z₁' });
    await z1.focus();
    await page.keyboard.press('Home');
    await expect(widget.locator('[data-readout="j-0-0"]')).not.toHaveText('+0.225');
    for (let r = 0; r < 4; r++) await expect(widget.locator(`[data-readout="rowsum-${r}"]`)).toHaveText('0.000');
    await expect(widget).toHaveAttribute('data-report', /"k":4/);
    expect(watch.problems).toEqual([]);
  });

  test('a garbage link falls back with a visible notice; axe finds nothing in light and dark', async ({
    browser,
    baseURL,
  }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, `${URL}?activation-derivatives=x:left,k:9,z:1`, 'activation-derivatives');
      await expect(widget.getByRole('alert')).toContainText('could not all be used');
      await expect(widget.locator('[data-readout="sigmoid"]')).toHaveText('0.235');
      await openDetails(page);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
