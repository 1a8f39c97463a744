import { test, expect, PAGES, PARTS, LECTURE } from './site';

for (const path of PAGES) {
  test(`"/${path}" loads cleanly: no console error, no failed request, nothing from another host`, async ({
    page,
    watch,
  }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('h1')).toHaveCount(1);
    expect(await page.title()).toMatch(/Feedforward/);
    expect(watch.problems).toEqual([]);
  });
}

test('every internal link and asset on every page resolves', async ({ page, request, baseURL }) => {
  const base = new URL(baseURL!);
  const seen = new Set<string>();
  for (const path of PAGES) {
    await page.goto(path);
    const urls = await page.$$eval('a[href], link[href], script[src], img[src]', (els) =>
      els.map((el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src),
    );
    for (const raw of urls) {
      const url = new URL(raw);
      if (url.origin !== base.origin) continue;
      url.hash = '';
      const key = url.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      expect(
        url.pathname.startsWith(base.pathname),
        `${key} (on /${path}) escapes the base path ${base.pathname}`,
      ).toBe(true);
      const res = await request.get(key);
      expect(res.status(), `${key} linked from /${path}`).toBe(200);
    }
  }
  expect(seen.size).toBeGreaterThan(12);
});

test('in-page anchors of every part point at elements that exist', async ({ page }) => {
  for (const part of PARTS) {
    await page.goto(`${LECTURE}${part}/`);
    const missing = await page.$$eval('a[href*="#"]', (links) =>
      links
        .map((a) => new URL((a as HTMLAnchorElement).href))
        .filter((u) => u.pathname === location.pathname && u.hash.length > 1)
        .map((u) => decodeURIComponent(u.hash.slice(1)))
        .filter((id) => !document.getElementById(id)),
    );
    expect(missing, `anchors without a target on ${part}`).toEqual([]);
  }
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText(/not here/i);
  await page.getByRole('link', { name: 'Start from the home page' }).click();
  await expect(page.locator('h1')).toContainText('Feedforward');
});

test('links into other pages land on anchors that exist there', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const targets = new Map<string, Set<string>>();
  for (const path of PAGES) {
    await page.goto(path);
    const hrefs = await page.$$eval('a[href*="#"]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin || url.hash.length < 2) continue;
      const ids = targets.get(url.pathname) ?? new Set<string>();
      ids.add(decodeURIComponent(url.hash.slice(1)));
      targets.set(url.pathname, ids);
    }
  }
  const missing: string[] = [];
  for (const [pathname, ids] of targets) {
    await page.goto(origin + pathname);
    for (const id of ids) {
      if ((await page.locator(`[id="${id}"]`).count()) === 0) missing.push(`${pathname}#${id}`);
    }
  }
  expect(missing).toEqual([]);
});
