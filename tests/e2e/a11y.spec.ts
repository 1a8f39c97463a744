import AxeBuilder from '@axe-core/playwright';
import { test, expect, PAGES, hydrateAll } from './site';

for (const scheme of ['light', 'dark'] as const) {
  for (const path of PAGES) {
    test(`axe finds no violation on "/${path}" in ${scheme} mode`, async ({ browser, baseURL }) => {
      // A lecture part with half a dozen live widgets is a large document for axe: allow for it.
      test.slow();
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      // Widgets hydrate when scrolled into view: check them alive, not as server HTML.
      await hydrateAll(page);
      // Open every folded answer and table so their contents are checked too.
      await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`,
      );
      expect(summary).toEqual([]);
      await context.close();
    });
  }
}
