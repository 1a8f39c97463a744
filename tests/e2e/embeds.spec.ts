import { test, expect } from './site';
import { widgets } from '../../src/widgets/registry';

/** Every widget of the registry has an embed page: the widget alone, hydrated, without errors. */
test('every embed route loads its widget alone, with no console error or failed request', async ({ page, watch }) => {
  test.setTimeout(30_000 + widgets.length * 10_000);
  for (const { name, title } of widgets) {
    await page.goto(`embed/${name}/`);
    const widget = page.locator(`astro-island:not([ssr]) [data-widget="${name}"]`);
    await expect(widget, `embed/${name}/ hydrates`).toBeAttached({ timeout: 20_000 });
    await expect(page).toHaveTitle(`${title} · Feedforward`);
    await expect(page.locator('.site-header, .site-footer'), `embed/${name}/ has no site chrome`).toHaveCount(0);
    await expect(widget.getByRole('heading', { level: 2 }).first()).toBeVisible();
    expect(watch.problems, `problems on embed/${name}/`).toEqual([]);
  }
});

test('an embed takes its state from the address and fits a 360 px iframe', async ({ page, watch }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('embed/softmax/?softmax=k:4&lock=softmax.k');
  const widget = page.locator('astro-island:not([ssr]) [data-widget="softmax"]');
  await widget.waitFor();
  await expect(widget.getByRole('slider', { name: 'Number of classes' })).toHaveValue('4');
  await expect(widget.getByRole('slider', { name: 'Number of classes' })).toBeDisabled();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(watch.problems).toEqual([]);
});
