import AxeBuilder from '@axe-core/playwright';
import { test, expect, useScheme } from './site';
import { widgets } from '../../src/widgets/registry';

const GUIDES = [
  'instructors/',
  'instructors/hosting/',
  'instructors/presenting/',
  'instructors/widgets/',
  'instructors/share-links/',
  'instructors/writing-a-lecture/',
  'instructors/writing-a-widget/',
  'present/',
];

test.describe('instructor pages', () => {
  test('reachable from the footer, not from the student navigation; every guide and its site links load', async ({
    page,
    watch,
    request,
  }) => {
    await page.goto('');
    await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: /instructor/i })).toHaveCount(
      0,
    );
    await page.getByRole('contentinfo').getByRole('link', { name: 'For instructors' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'For instructors' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Answer key', exact: true }).first()).toHaveAttribute(
      'href',
      /instructors\/answer-key\/$/,
    );
    const seen = new Set<string>();
    for (const path of GUIDES) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      for (const href of await page
        .locator('main a[href]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        const url = new URL(href);
        // The answer key is built by its own page (another part of the site); embed previews are checked in embeds.spec.
        if (
          url.origin !== new URL(page.url()).origin ||
          url.pathname.endsWith('/answer-key/') ||
          seen.has(url.pathname)
        )
          continue;
        seen.add(url.pathname);
        expect((await request.get(url.pathname)).status(), `${href} linked from ${path}`).toBe(200);
      }
    }
    expect(watch.problems).toEqual([]);
  });

  test('the catalogue shows every registered widget with its embed page and settings', async ({ page }) => {
    await page.goto('instructors/widgets/');
    for (const { name } of widgets) {
      const entry = page.locator(`[data-catalogue="${name}"]`);
      await expect(entry.locator('iframe.catalogue-preview')).toHaveAttribute('src', new RegExp(`embed/${name}/$`));
      await expect(entry.locator('pre')).toContainText(`embed/${name}/`);
    }
    const first = page.locator(`[data-catalogue="${widgets[0]!.name}"]`);
    await first.getByText('Embed code and link settings').click();
    await expect(first.locator('table')).toContainText('w1');
  });

  test('axe finds no violation on the instructor pages, light and dark', async ({ page }) => {
    test.setTimeout(120_000);
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(page, scheme);
      for (const path of ['instructors/', 'instructors/widgets/', 'instructors/writing-a-lecture/', 'present/']) {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).exclude('iframe').analyze();
        expect(results.violations.map((v) => `${scheme} ${path} ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      }
    }
  });
});
