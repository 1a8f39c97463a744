import AxeBuilder from '@axe-core/playwright';
import { test, expect, PAGES, PARTS, LECTURE, hydrateAll } from './site';

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

// The blocks a long part skips while it loads (content-visibility) have no text in chromium's
// accessibility tree until they are drawn, so a screen reader read them as empty. Once the page
// has loaded they are drawn in idle time: every paragraph, list and aside of the text must then be
// there with its words, read from chromium's own tree (not from the DOM, as axe does).
test('every block of a part has its text in the accessibility tree once the page has loaded', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const context = await browser.newContext({ baseURL: baseURL!, viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const empty: string[] = [];
  for (const part of PARTS) {
    await page.goto(`${LECTURE}${part}/`);
    await page.waitForLoadState('load');
    const skipped = () =>
      page.$$eval(
        '.lecture-frame article > *',
        (all) => all.filter((el) => getComputedStyle(el).contentVisibility === 'auto').length,
      );
    await expect.poll(skipped, { timeout: 15_000 }).toBe(0);
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: '.lecture-frame article > :is(p, ul, ol, .aside)',
    });
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const block = nodes[0];
      if (!block?.childIds?.length && !block?.ignored) {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        empty.push(`/${part}: ${outerHTML.slice(0, 80)}`);
      }
    }
  }
  expect(empty, empty.join('\n')).toEqual([]);
  await context.close();
});
