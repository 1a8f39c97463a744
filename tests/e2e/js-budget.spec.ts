import { gzipSync } from 'node:zlib';
import { test, expect, PARTS, LECTURE, hydrateAll } from './site';

// Issue 13's page weight: a lecture part, once every widget and exercise on it has come alive,
// has loaded at most 150 KB of JavaScript as a compressing host sends it (gzip, level 9). The
// bench (`npm run bench:browser -- --only bytes`) prints the same figure with the files behind it;
// this keeps a change from quietly pushing a part over the budget. Bytes, not time: the count is
// the same on a loaded machine.
const BUDGET_KB = 150;

test('every lecture part loads at most 150 KB gzip of JavaScript once all its widgets are alive', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const over: string[] = [];
  for (const part of PARTS) {
    const context = await browser.newContext({ baseURL: baseURL!, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const scripts = new Map<string, Promise<number>>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.request().resourceType() !== 'script' || scripts.has(url.pathname)) return;
      scripts.set(
        url.pathname,
        response.body().then((body) => gzipSync(body, { level: 9 }).length),
      );
    });
    await page.goto(`${LECTURE}${part}/`);
    await hydrateAll(page);
    await page.waitForLoadState('networkidle');
    const kb = (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0) / 1024;
    expect(scripts.size, `/${part}: scripts seen`).toBeGreaterThan(0);
    if (kb > BUDGET_KB) over.push(`/${part}: ${kb.toFixed(1)} KB in ${scripts.size} files`);
    await context.close();
  }
  expect(over, over.join('\n')).toEqual([]);
});
