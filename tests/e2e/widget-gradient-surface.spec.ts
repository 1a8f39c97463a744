import { test, expect, openWidget, report, axeViolations, overflowX } from './site';

const URL = 'embed/gradient-surface/';
const NAME = 'gradient-surface';

test.describe('gradient-surface widget', () => {
  test('the legend says what darker means; the keyboard moves the point and the slopes follow', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, NAME);
    await expect(widget.locator('[data-readout="legend"]')).toContainText('darker shading means higher loss');
    await expect(widget.getByText(/The arrow drawn is −∇E/)).toBeVisible();
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('1.9447');
    await expect(widget.locator('[data-readout="dLdw1"]')).toHaveText('−1.4912');
    await expect(widget.locator('[data-readout="dLdw2"]')).toHaveText('1.0480');
    const w1 = widget.getByRole('slider', { name: 'Weight w₁' });
    await w1.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(w1).toHaveValue('0.8');
    await expect(widget.locator('[data-readout="loss"]')).not.toHaveText('1.9447');
    await expect(widget.locator('[data-slice="w2"] figcaption')).toContainText('w₁ fixed at 0.80');
    const r = await report(widget);
    expect(r.w1).toBe(0.8);
    expect(r.dLdw1).toBeGreaterThan(-1.4912); // moving towards the minimum flattens the w₁ slope
    expect(watch.problems).toEqual([]);
  });

  test('dragging on the map moves the point; near the minimum the gradient almost vanishes', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, NAME);
    const svg = widget.locator('.gradient-surface__map svg[role="img"]').first();
    await expect(svg).toBeVisible();
    // The minimum is near (2, −1); the map spans w₁ −1…5, w₂ −4…2 inside its margins.
    const box = (await svg.boundingBox())!;
    const width = Number(await svg.getAttribute('width'));
    const k = box.width / width;
    const left = box.x + 44 * k;
    const top = box.y + 26 * k;
    const inner = (width - 44 - 16) * k;
    const at = (w1: number, w2: number) => ({ x: left + ((w1 + 1) / 6) * inner, y: top + ((2 - w2) / 6) * inner });
    const start = at(4, 1);
    const end = at(2, -1);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2);
    await page.mouse.move(end.x, end.y);
    await page.mouse.up();
    const r = await report(widget);
    expect(Math.abs(r.w1! - 2)).toBeLessThan(0.15);
    expect(Math.abs(r.w2! + 1)).toBeLessThan(0.15);
    expect(r.loss).toBeLessThan(0.3);
    expect(Math.hypot(r.dLdw1!, r.dLdw2!)).toBeLessThan(1);
    expect(watch.problems).toEqual([]);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?gradient-surface=w1:3,w2:-2`, NAME);
    await expect(widget.getByRole('slider', { name: 'Weight w₁' })).toHaveValue('3');
    await expect(widget.getByRole('slider', { name: 'Weight w₂' })).toHaveValue('-2');
    widget = await openWidget(page, `${URL}?gradient-surface=w1:banana,zz:1`, NAME);
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText('1.9447');
    expect(watch.problems).toEqual([]);
  });

  test('fits a 360 px phone, and axe finds no violation in light and dark', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        baseURL: baseURL!,
        colorScheme: scheme,
        viewport: { width: scheme === 'light' ? 360 : 1280, height: 800 },
      });
      const page = await context.newPage();
      const widget = await openWidget(page, URL, NAME);
      await expect(widget.locator('.gradient-surface__map svg[role="img"]')).toHaveCount(1);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
