import { test, expect, LECTURE, PARTS, hydrateAll } from './site';

test.describe('dark mode', () => {
  test('follows the system setting when the reader has not chosen', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('the toggle works by keyboard and is remembered across pages', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('');
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(20, 23, 28)');
    await page.goto(LECTURE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // The remembered choice wins over the system setting.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Dark mode' }).press('Space');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('still works when storage is blocked or corrupt', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('');
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(errors).toEqual([]);
  });

  test('a garbage stored value falls back to the system setting', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('theme', '{"not":"a theme"}'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

test.describe('navigation', () => {
  test('the skip link is the first stop and jumps to the text', async ({ page }) => {
    await page.goto(`${LECTURE}loss-functions/`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main')).toBeFocused();
  });

  test('focus is visible on links', async ({ page }) => {
    await page.goto('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
  });

  test('the table of contents works by keyboard and tracks the reading position', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${LECTURE}loss-functions/`);
    // Let every island come alive first: this test is about the contents, not about layout shifts.
    await hydrateAll(page);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const links = toc.locator('a[data-toc-link]');
    const count = await links.count();
    expect(count).toBeGreaterThan(3);
    await expect(links.first()).toHaveAttribute('aria-current', 'true');
    const last = links.nth(count - 1);
    const target = await last.getAttribute('data-toc-link');
    await last.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${target}$`));
    await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
    await expect(last).toHaveAttribute('aria-current', 'true');
    await expect(links.first()).not.toHaveAttribute('aria-current', 'true');
  });

  test('previous and next walk through every part in order', async ({ page }) => {
    await page.goto(LECTURE);
    const titles: string[] = [];
    for (const part of PARTS) {
      await page.getByRole('link', { name: /^Next/ }).click();
      await expect(page).toHaveURL(new RegExp(`${LECTURE}${part}/$`));
      titles.push((await page.locator('h1').textContent()) ?? '');
    }
    expect(new Set(titles).size).toBe(PARTS.length);
    await expect(page.getByRole('link', { name: /^Next/ })).toHaveCount(0);
    for (const part of [...PARTS].reverse().slice(1)) {
      await page.getByRole('link', { name: /^Previous/ }).click();
      await expect(page).toHaveURL(new RegExp(`${LECTURE}${part}/$`));
    }
    await page.getByRole('link', { name: /^Previous/ }).click();
    await expect(page).toHaveURL(new RegExp(`${LECTURE}$`));
  });
});

test.describe('search', () => {
  test('finds a term from the lecture and links to it', async ({ page, watch }) => {
    await page.goto('');
    await page.getByRole('searchbox', { name: 'Search the lecture' }).fill('Kronecker');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/search\/\?q=Kronecker/);
    await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
    const result = page.locator('.pagefind-ui__result-link[href*="backward-pass"]').first();
    await expect(result).toBeVisible();
    await result.click();
    await expect(page.locator('h1')).toHaveText('The backward pass');
    expect(watch.problems).toEqual([]);
  });

  test('search results honour the base path', async ({ page, baseURL }) => {
    await page.goto('search/?q=momentum');
    const links = page.locator('.pagefind-ui__result-link');
    await expect(links.first()).toBeVisible();
    const hrefs = await links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).href));
    for (const h of hrefs) expect(h.startsWith(baseURL!)).toBe(true);
  });
});

test('search excerpts show prose, not raw TeX from the typeset math', async ({ page }) => {
  await page.goto('search/?q=softmax');
  await expect(page.locator('.pagefind-ui__result-excerpt').first()).toBeVisible();
  const excerpts = (await page.locator('.pagefind-ui__result-excerpt').allInnerTexts()).join(' ');
  expect(excerpts).not.toMatch(/\\(hat|frac|sum|text)\b|\^\{|_\{/);
});
