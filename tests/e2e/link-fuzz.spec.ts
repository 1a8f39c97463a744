/**
 * Link-decoding fuzz in the browser (issue 19): a seeded sample of hostile links per widget on its
 * embed page (`/embed/<name>/`), raw and percent-encoded, with lock/hide garbage beside them. Every
 * one opens with no page error, the widget works, and a visible notice says the link was not all
 * usable. The full property test (≥ 1,000 values per widget) is `src/widgets/shared/url-state.fuzz.test.ts`.
 */
import fc from 'fast-check';
import { widgets } from '../../src/widgets/registry';
import type { Schema } from '../../src/widgets/shared/url-state';
import { hostileLink } from '../fuzz/hostile-links';
import { test, expect } from './site';

const PER_WIDGET = 20;

async function schemaOf(name: string): Promise<Schema> {
  const mod = (await import(`../../src/widgets/${name}/state.ts`)) as Record<string, unknown>;
  const [schema] = Object.entries(mod).filter(([k]) => k.endsWith('Schema'));
  return schema![1] as Schema;
}

/** The address of one sample: the value raw (as a careless link holds it) or encoded, and lists. */
function address(name: string, value: string, i: number): string {
  const raw = i % 2 === 0;
  const v = raw ? value.replace(/[#&]/g, encodeURIComponent) : encodeURIComponent(value);
  const extra = i % 4 === 1 ? `&lock=${name}.__proto__,${name}.*,%E0%A4%A` : i % 4 === 3 ? `&hide=<b>,${name}.` : '';
  return `embed/${name}/?${name}=${v}${extra}`;
}

test.describe('hostile share links in the browser', () => {
  for (const { name } of widgets) {
    test(`${name}: ${PER_WIDGET} hostile links open with no page error and a visible notice`, async ({ page }) => {
      test.setTimeout(180_000);
      const schema = await schemaOf(name);
      const values = fc.sample(hostileLink(schema), { seed: 19, numRuns: PER_WIDGET });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`${e.message} (${page.url()})`));
      let noticed = 0;
      for (const [i, value] of values.entries()) {
        await page.goto(address(name, value, i));
        const widget = page.locator(`astro-island:not([ssr]) [data-widget="${name}"]`);
        await widget.waitFor();
        await expect(widget.locator('.widget__notice[role="alert"]'), `${name}: ${value.slice(0, 200)}`).toBeVisible();
        noticed++;
      }
      expect(noticed).toBe(PER_WIDGET);
      expect(errors).toEqual([]);
    });
  }
});
