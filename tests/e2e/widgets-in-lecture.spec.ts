import { widgets } from '../../src/widgets/registry';
import { test, expect, LECTURE, hydrateAll } from './site';

const parts = [...new Set(widgets.map((w) => w.part))];

for (const part of parts) {
  test(`widgets of "${part}" stand in the lecture, hydrate when scrolled to, and keep ids unique`, async ({
    page,
    watch,
  }) => {
    await page.goto(`${LECTURE}${part}/`);
    const names = widgets.filter((w) => w.part === part).map((w) => w.name);
    for (const name of names) {
      await expect(page.locator(`[data-widget="${name}"]`), name).toHaveCount(1);
      await expect(page.locator(`#widget-${name}`)).toHaveCount(1);
    }
    await hydrateAll(page);
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicates).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
}

test('every registered widget has an embed page that works alone', async ({ page, watch }) => {
  for (const { name } of widgets) {
    await page.goto(`embed/${name}/`);
    await expect(page.locator(`astro-island:not([ssr]) [data-widget="${name}"]`)).toHaveCount(1);
    await expect(page.locator('.site-header')).toHaveCount(0);
  }
  expect(watch.problems).toEqual([]);
});
