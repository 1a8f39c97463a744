import { test, expect, PARTS, LECTURE, PAGES } from './site';

test('KaTeX typesets the math and its font really loads from the site', async ({ page, baseURL }) => {
  const fonts: string[] = [];
  page.on('response', (res) => {
    if (/KaTeX_.*\.woff2$/.test(res.url()) && res.status() === 200) fonts.push(res.url());
  });
  await page.goto(`${LECTURE}forward-pass/`);
  await expect(page.locator('.katex-display').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(
    () => document.fonts.check('20px KaTeX_Main') && document.fonts.check('20px KaTeX_Math'),
  );
  expect(loaded).toBe(true);
  const faces = await page.evaluate(
    () =>
      [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded').length,
  );
  expect(faces).toBeGreaterThan(0);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f.startsWith(baseURL!)).toBe(true);
});

test('no page has a KaTeX error, raw TeX, or a visible placeholder', async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    const text = await page.locator('main').innerText();
    expect(text, `/${path}`).not.toMatch(/\$\$|\\frac|\\hat|TODO|coming soon|placeholder|widget:/i);
  }
});

test("every part has typeset math or code, and the slides' NumPy sits beside the engine's TypeScript", async ({
  page,
}) => {
  let twins = 0;
  for (const part of PARTS) {
    await page.goto(`${LECTURE}${part}/`);
    twins += await page.locator('.code-twin').count();
    const panes = page.locator('.code-twin');
    for (let i = 0; i < (await panes.count()); i++) {
      await expect(panes.nth(i).locator('pre[data-language="python"]')).toHaveCount(1);
      await expect(panes.nth(i).locator('.engine-code pre')).toHaveCount(1);
      await expect(panes.nth(i).locator('.engine-code__file')).toHaveText(/^lib\/.+\.ts$/);
      // The compiler's non-null marks (`w[i]!`) are not shown, and the label says when some were left out.
      const shown = (await panes.nth(i).locator('.engine-code pre').textContent()) ?? '';
      expect(shown, `${part}: engine code shown with a non-null mark`).not.toMatch(/[\w\])]!(?!=)/);
      expect(shown).not.toBe('');
    }
  }
  // softmax, cross-entropy, diagflat, SGD, decay, momentum, Z = XW + B
  expect(twins).toBeGreaterThanOrEqual(7);
  await page.goto(`${LECTURE}weight-updates/`);
  await expect(
    page.locator('.engine-code pre').filter({ hasText: 'weights[i] -= lr * dweights[i];' }).first(),
  ).toBeAttached();
  await expect(page.locator('.engine-code__note').first()).toHaveText('(without its non-null marks !)');
});

test("the slides' worked numbers appear, computed by the engine", async ({ page }) => {
  await page.goto(`${LECTURE}loss-functions/`);
  const text = await page.locator('main').innerText();
  expect(text).toContain('0.36'); // MSE of 23.5 vs 22.9
  expect(text).toContain('1.20'); // cross-entropy, blue prediction
  expect(text).toContain('0.24'); // cross-entropy, yellow prediction
  await page.goto(`${LECTURE}activation-functions/`);
  const act = await page.locator('main').innerText();
  expect(act).toMatch(/8\s*x\s*1|8x1|8x_1/); // the collapse example, worked correctly
  await page.goto(`${LECTURE}weight-updates/`);
  const wu = await page.locator('main').innerText();
  expect(wu).toContain('0.3448'); // 1 / (1 + 0.1 · 19) = 0.34483
});

// Read as without JavaScript (and as printed from the server HTML): each model answer is in a <details>.
// Alive, an exercise opens its answer only after an attempt (tests/e2e/exercises.spec.ts).
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('all 24 questions of the slides are asked in order, each with a model answer', async ({ page }) => {
    const numbers: number[] = [];
    for (const path of [LECTURE, ...PARTS.map((p) => `${LECTURE}${p}/`)]) {
      await page.goto(path);
      const labels = await page.locator('.question__number').allInnerTexts();
      numbers.push(...labels.map((l) => Number(l.replace(/\D/g, ''))));
      const questions = page.locator('.question');
      for (let i = 0; i < (await questions.count()); i++) {
        const q = questions.nth(i);
        await q.locator('summary').click();
        await expect(q.locator('.question__answer-body')).toBeVisible();
        expect((await q.locator('.question__answer-body').innerText()).length).toBeGreaterThan(40);
      }
    }
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
});

test("the slides' slips are corrected in the text", async ({ page }) => {
  let corrections = 0;
  for (const part of PARTS) {
    await page.goto(`${LECTURE}${part}/`);
    corrections += await page.locator('.aside--correction').count();
  }
  expect(corrections).toBeGreaterThanOrEqual(5);
});

test('claims are stated no more broadly than they are true', async ({ page }) => {
  await page.goto(`${LECTURE}activation-functions/`);
  const activation = (await page.locator('article').textContent()) ?? '';
  // Universal approximation holds for every continuous activation that is not a polynomial.
  expect(activation).toContain('not be a polynomial');
  expect(activation).toContain('Leshno');
  expect(activation).not.toMatch(/no finite network follows it forever/);
  expect(activation).toMatch(/network of ReLU or sigmoid units cannot follow/);
  await page.goto(`${LECTURE}loss-functions/`);
  const loss = (await page.locator('article').textContent()) ?? '';
  expect(loss).not.toMatch(/Mean squared error on one-hot vectors could make none of these/);
  // Squared error of blue's and yellow's probabilities against Pear, summed over the four classes.
  const squared = (p: number[]) => p.reduce((s, x, k) => s + (x - (k === 1 ? 1 : 0)) ** 2, 0);
  const [blue, yellow] = [squared([0.232, 0.301, 0.233, 0.233]), squared([0.059, 0.789, 0.065, 0.087])];
  expect(loss).toContain(`(${blue.toFixed(2)} against ${yellow.toFixed(2)}, summed over the four classes)`);
  // A review's findings, each pinned by a phrase that was wrong or too broad before.
  const overBroad: [part: string, gone: RegExp, now: string][] = [
    ['forward-pass', /oldest and simplest version/, 'Rosenblatt, 1958'],
    ['forward-pass', /the weights settle on values\s+that make good ones/, 'nothing guarantees it'],
    ['activation-functions', /single layer cannot compute XOR, whatever/, 'single threshold or sigmoid'],
    ['activation-functions', /is "dead" for that/, 'inactive'],
    ['backward-pass', /Backpropagation computes, in this order/, 'step 7, the update, is then the work of'],
    ['backward-pass', /the gradient is zero, and the steps stop/, 'saddle points'],
    ['weight-updates', /never reaches zero, so training can always/, 'add up without limit'],
    ['terminology', /every training example exactly\s+once/, 'one pass through the training set'],
  ];
  for (const [part, gone, now] of overBroad) {
    await page.goto(`${LECTURE}${part}/`);
    const text = ((await page.locator('article').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text, part).not.toMatch(gone);
    expect(text, part).toContain(now);
  }
});

test('the glossary has anchored terms that link back into the lecture', async ({ page }) => {
  await page.goto('glossary/#epoch');
  await expect(page.locator('dt#epoch')).toBeInViewport();
  const terms = await page.locator('dl.glossary dt').count();
  expect(terms).toBeGreaterThanOrEqual(30);
  await page.locator('dt#epoch + dd').getByRole('link', { name: 'Read it in the lecture' }).click();
  await expect(page).toHaveURL(/lectures\/02-feedforward\/.+#/);
});

for (const width of [360, 768, 1440]) {
  test(`no part scrolls sideways at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of PAGES) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `/${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
}

test('printing gives a handout without the site chrome', async ({ page }) => {
  await page.goto(`${LECTURE}loss-functions/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.toc')).toBeHidden();
  await expect(page.locator('.part-nav')).toBeHidden();
  await expect(page.locator('h1')).toBeVisible();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(255, 255, 255)');
});
