import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { test, expect, frames, hydrateAll, LECTURE, PARTS, PAGES } from './site';

/**
 * Phones and steadiness: nothing on a page moves while it loads and its widgets come alive, at a
 * phone's width (360 px) and a laptop's (1280 px); nothing is cut or scaled too small to read on
 * a phone; small targets are big enough to tap. (Not timing: page speed is measured in bench/.)
 */

const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
const PART_PAGES = PARTS.map((p) => `${LECTURE}${p}/`);

async function open(browser: Browser, baseURL: string, viewport: { width: number; height: number }, scheme = 'light') {
  const context = await browser.newContext({
    baseURL,
    viewport,
    colorScheme: scheme as 'light' | 'dark',
  });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Scroll down the whole page a screen at a time, as a reader would, letting each `client:visible`
 * widget that comes into view hydrate; then wait until every island is alive.
 */
async function readDown(page: Page): Promise<void> {
  let y = 0;
  for (;;) {
    const { height, inner } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      inner: window.innerHeight,
    }));
    if (y >= height) break;
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await frames(page);
    y += Math.round(inner * 0.6);
  }
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 20_000 });
  await frames(page);
}

/** Records every layout shift from the first paint on (in the page, before any script). */
const RECORD_SHIFTS = () => {
  const w = window as unknown as { __shifts: { value: number; time: number; what: string[] }[] };
  w.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      startTime: number;
      hadRecentInput: boolean;
      sources?: { node?: Node }[];
    }[]) {
      if (entry.hadRecentInput) continue;
      const what = (entry.sources ?? []).map((s) => {
        const el = s.node as Element | undefined;
        return el?.nodeType === 1 ? `${el.tagName.toLowerCase()}.${el.className}` : String(el?.nodeName);
      });
      w.__shifts.push({ value: entry.value, time: entry.startTime, what });
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

/** Cumulative layout shift as browsers report it: the worst session window (gaps < 1 s, ≤ 5 s long). */
function cls(shifts: { value: number; time: number }[]): number {
  let worst = 0;
  let current = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.time - last > 1000 || s.time - start > 5000) {
      current = 0;
      start = s.time;
    }
    current += s.value;
    last = s.time;
    worst = Math.max(worst, current);
  }
  return worst;
}

type Shift = { value: number; time: number; what: string[] };

/** A fresh page at `viewport` that records its layout shifts from the first paint on. */
async function openRecordingShifts(browser: Browser, baseURL: string, viewport: { width: number; height: number }) {
  const opened = await open(browser, baseURL, viewport);
  await opened.page.addInitScript(RECORD_SHIFTS);
  return opened;
}

/** The shifts recorded so far, from the `from`-th on. */
function shiftsSince(page: Page, from = 0): Promise<Shift[]> {
  return page.evaluate((k) => (window as unknown as { __shifts: Shift[] }).__shifts.slice(k), from);
}

for (const viewport of [PHONE, LAPTOP]) {
  for (const path of PAGES) {
    test(`"/${path}" does not move while it loads and comes alive at ${viewport.width} px (CLS < 0.05)`, async ({
      browser,
      baseURL,
    }) => {
      test.slow();
      const { context, page } = await openRecordingShifts(browser, baseURL!, viewport);
      await page.goto(path);
      await readDown(page);
      const shifts = await shiftsSince(page);
      const score = cls(shifts);
      const worst = shifts
        .filter((s) => s.value > 0.005)
        .map((s) => `${s.value.toFixed(3)} ${s.what.join(' | ')}`)
        .join('\n');
      expect(score, `layout shifts on /${path}:\n${worst}`).toBeLessThan(0.05);
      await context.close();
    });
  }
}

/** Layout shift too small for anyone to see (the score is a fraction of the screen moved × distance). */
const SHIFT_NOBODY_SEES = 0.001;

// A reader who jumps to the end of a part (End, or a scripted scroll like this one) must find the
// pager where it is drawn: the blocks near it must not change height as they are drawn for the
// first time, or a tap on "Next" lands on the page instead of the link.
for (const viewport of [PHONE, LAPTOP]) {
  test(`a jump to the end of each part leaves the pager where it is at ${viewport.width} px`, async ({
    browser,
    baseURL,
  }) => {
    test.slow();
    const { context, page } = await openRecordingShifts(browser, baseURL!, viewport);
    const moved: string[] = [];
    for (const path of PART_PAGES) {
      await page.goto(path);
      await page.waitForLoadState('load');
      const seen = (await shiftsSince(page)).length;
      // The first frame after the jump shows the end of the page for the first time: anything
      // laid out anew in it (a block drawn in idle time just before) has no earlier place on the
      // screen, though the layout-shift API, which only discounts the scroll, may count it. The
      // reader's pager must stay put from that frame on.
      const firstFrame = await page.evaluate(async () => {
        document.querySelector('.pager')!.scrollIntoView({ block: 'end', behavior: 'instant' });
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
        return performance.now();
      });
      await frames(page);
      const drawnAt = await page.locator('.pager').evaluate((el) => el.getBoundingClientRect().top);
      await page.waitForLoadState('networkidle');
      await frames(page, 4);
      const shifts = (await shiftsSince(page, seen)).filter((s) => s.time > firstFrame);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      const settledAt = await page.locator('.pager').evaluate((el) => el.getBoundingClientRect().top);
      // A shift below 0.001 (a KaTeX glyph box settling by a fraction of a pixel as its font
      // arrives) is nothing a reader sees; the blocks drawn late moved the pager 0.03–0.60.
      if (total >= SHIFT_NOBODY_SEES || Math.abs(settledAt - drawnAt) > 0.5) {
        const after = shifts.map((s) => `${s.value.toFixed(4)} ${s.what.join(' | ')}`);
        moved.push(`/${path}: pager ${Math.round(drawnAt)} → ${Math.round(settledAt)} px\n  ${after.join('\n  ')}`);
      }
    }
    expect(moved, moved.join('\n')).toEqual([]);
    await context.close();
  });
}

/**
 * Every island on the page (outermost only) with the height of what it draws, in px; islands that
 * draw nothing in this layout are left out. (An island is `display: contents`: it has no box of
 * its own, so its children are measured.)
 */
function islandHeights(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('astro-island'))
      .filter((island) => !island.parentElement?.closest('astro-island'))
      .map((island) => {
        const boxes = Array.from(island.children).map((c) => c.getBoundingClientRect());
        const height = boxes.length
          ? Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top))
          : 0;
        const name = island.querySelector('[data-widget]')?.getAttribute('data-widget') ?? 'island';
        return `${name} ${Math.round(height)}`;
      })
      .filter((line) => !line.endsWith(' 0')),
  );
}

// The cause of a shift, found without depending on where the screen happens to be when a widget
// comes alive: each island is as tall as the server sent it (what a reader sees before the
// scripts run) once it is alive, to the pixel.
for (const viewport of [PHONE, LAPTOP]) {
  test(`every widget is as tall before it comes alive as after, on every page at ${viewport.width} px`, async ({
    browser,
    baseURL,
  }) => {
    test.slow();
    // As sent: the page's scripts run, but Astro's client renderer never arrives, so no island
    // comes alive (with scripting off altogether some islands show their no-script form instead).
    const asSent = await open(browser, baseURL!, viewport);
    await asSent.page.route(/\/_astro\/client\.[\w-]+\.js$/, (route) => route.abort());
    const sent: Record<string, string[]> = {};
    for (const path of PAGES) {
      await asSent.page.goto(path);
      await asSent.page.evaluate(() => document.fonts.ready);
      await frames(asSent.page);
      sent[path] = await islandHeights(asSent.page);
    }
    await asSent.context.close();

    const { context, page } = await open(browser, baseURL!, viewport);
    const changed: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      await hydrateAll(page);
      await page.evaluate(() => document.fonts.ready);
      await frames(page);
      const alive = await islandHeights(page);
      expect(alive.length, `/${path}: islands alive and as sent`).toBe(sent[path]!.length);
      alive.forEach((line, i) => {
        if (line !== sent[path]![i]) changed.push(`/${path}: ${sent[path]![i]} px as sent → ${line} px alive`);
      });
    }
    expect(changed).toEqual([]);
    await context.close();
  });
}

test('the navigation is sent in its final state: scripts fold or open nothing', async ({ browser, baseURL }) => {
  for (const viewport of [PHONE, LAPTOP]) {
    const path = `${LECTURE}activation-functions/`;
    const withoutJs = await browser.newContext({ baseURL: baseURL!, viewport, javaScriptEnabled: false });
    const still = await withoutJs.newPage();
    await still.goto(path);
    const before = await still.locator('main h1').boundingBox();
    const tocVisibleBefore = await still.locator('.toc ol a').first().isVisible();
    await withoutJs.close();

    const { context, page } = await open(browser, baseURL!, viewport);
    await page.goto(path);
    // The scripts have run when the contents know which heading is being read.
    await expect(page.locator('.toc a[aria-current="true"]')).toHaveCount(1);
    await frames(page);
    expect(await page.locator('main h1').boundingBox()).toEqual(before);
    const toc = page.locator('.toc details');
    if (viewport === PHONE) {
      expect(tocVisibleBefore).toBe(false);
      await expect(toc).not.toHaveAttribute('open');
      await expect(page.locator('.part-nav details')).not.toHaveAttribute('open');
      // Folded, the contents still open on a tap.
      await page.locator('.toc summary').click();
      await expect(page.locator('.toc ol a').first()).toBeVisible();
    } else {
      expect(tocVisibleBefore).toBe(true);
      await expect(toc).toHaveAttribute('open');
      await expect(page.locator('.toc ol a').first()).toBeVisible();
    }
    await context.close();
  }
});

test('exercises keep their height when they come alive', async ({ browser, baseURL }) => {
  test.slow(); // three long pages read down a phone screen at a time
  const { context, page } = await open(browser, baseURL!, PHONE);
  for (const path of [`${LECTURE}forward-pass/`, `${LECTURE}loss-functions/`, `${LECTURE}weight-updates/`]) {
    await page.goto(path);
    // Lay out every block now (the page lays out far-off blocks lazily, from estimated sizes).
    await page.addStyleTag({ content: 'article * { content-visibility: visible !important; }' });
    const heights = () =>
      page.$$eval('.question', (qs) => qs.map((q) => [q.id, Math.round(q.getBoundingClientRect().height)] as const));
    await expect(page.locator('.question astro-island[ssr]').first()).toBeAttached();
    const before = await heights();
    expect(before.length).toBeGreaterThan(0);
    await readDown(page);
    await expect(page.locator('.question .exercise__status[data-progress]')).toHaveCount(before.length);
    // Equal to the pixel (rounding of fractional line heights aside).
    const after = await heights();
    expect(after.map(([id]) => id)).toEqual(before.map(([id]) => id));
    after.forEach(([id, h], i) => expect(Math.abs(h - before[i]![1]), id).toBeLessThanOrEqual(1));
  }
  await context.close();
});

for (const viewport of [PHONE, LAPTOP]) {
  test(`nothing is cut at ${viewport.width} px: wide tables and equations scroll in a labelled, focusable region`, async ({
    browser,
    baseURL,
  }) => {
    test.slow();
    const { context, page } = await open(browser, baseURL!, viewport);
    for (const path of ['', 'glossary/', LECTURE, ...PART_PAGES]) {
      await page.goto(path);
      await readDown(page);
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth) out.push(`the page is ${root.scrollWidth} px wide`);
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
          const style = getComputedStyle(el);
          if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
          // Hidden copies for screen readers (.visually-hidden, KaTeX's MathML) are clipped on purpose.
          if (el.closest('.visually-hidden, .katex-mathml, svg')) continue;
          const name = `${el.tagName.toLowerCase()}.${el.className}`;
          if (/hidden|clip/.test(style.overflowX)) out.push(`${name} cuts its content`);
          else if (/auto|scroll/.test(style.overflowX)) {
            const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            if (el.tabIndex < 0 || !labelled) out.push(`${name} scrolls but is not a focusable, labelled region`);
            if (el.querySelector('table') && !el.parentElement?.classList.contains('table-frame'))
              out.push(`${name} scrolls a table without the scroll cue`);
          }
        }
        return out;
      });
      expect(problems, `on /${path}`).toEqual([]);
    }
    await context.close();
  });
}

test('build-time figures are drawn for the phone: no text under 11 px at 360 px', async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL!, PHONE);
  let figures = 0;
  for (const path of PART_PAGES) {
    await page.goto(path);
    const sizes = await page.$$eval('figure.figure svg', (svgs) =>
      svgs
        .filter((svg) => svg.checkVisibility())
        .map((svg) => {
          const drawn = (svg as SVGSVGElement).viewBox.baseVal.width || Number(svg.getAttribute('width'));
          const scale = svg.getBoundingClientRect().width / drawn;
          const texts = Array.from(svg.querySelectorAll('text')).map((t) => ({
            text: t.textContent ?? '',
            px: parseFloat(getComputedStyle(t).fontSize) * scale,
          }));
          return { label: (svg.getAttribute('aria-label') ?? '').slice(0, 60), texts };
        }),
    );
    figures += sizes.length;
    for (const figure of sizes) {
      const small = figure.texts.filter((t) => t.px < 11).map((t) => `"${t.text}" ${t.px.toFixed(1)} px`);
      expect(small, `${path}: ${figure.label}`).toEqual([]);
    }
  }
  expect(figures).toBeGreaterThanOrEqual(15);
  await context.close();
});

test('widgets alive at 360 px draw no text under 11 px (charts, diagrams, maps)', async ({ browser, baseURL }) => {
  test.slow();
  const { context, page } = await open(browser, baseURL!, PHONE);
  let texts = 0;
  const small = new Set<string>();
  for (const path of PART_PAGES) {
    await page.goto(path);
    await hydrateAll(page);
    const found = await page.$$eval('[data-widget] svg', (elements) =>
      (elements as SVGSVGElement[])
        .filter((svg) => svg.checkVisibility() && svg.querySelector('text'))
        .flatMap((svg) => {
          const drawn = svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width;
          const scale = svg.getBoundingClientRect().width / drawn;
          const widget = svg.closest('[data-widget]')!.getAttribute('data-widget');
          return Array.from(svg.querySelectorAll('text'))
            .filter((t) => (t.textContent ?? '').trim() !== '' && t.getClientRects().length > 0)
            .map((t) => ({
              where: `${widget}: "${(t.textContent ?? '').slice(0, 30)}"`,
              px: parseFloat(getComputedStyle(t).fontSize) * scale,
            }));
        }),
    );
    texts += found.length;
    for (const t of found) if (t.px < 10.95) small.add(`/${path} ${t.where} ${t.px.toFixed(1)} px`);
  }
  expect([...small]).toEqual([]);
  expect(texts).toBeGreaterThan(200);
  await context.close();
});

test('the glossary letters and term links are targets of at least 24 × 24 px', async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL!, PHONE);
  await page.goto('glossary/');
  const small = await page.$$eval('.letter-index a, .glossary dt a', (links) =>
    links
      .map((a) => ({ text: a.textContent, box: a.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ text, box }) => `${text}: ${box.width.toFixed(0)}×${box.height.toFixed(0)}`),
  );
  expect(small).toEqual([]);
  await context.close();
});

// Lighthouse runs axe once the page has loaded, before any scrolling: the blocks far down are not
// drawn yet (content-visibility), yet a script asking for their links' places gets them. None may
// land on a control (activation-functions' switches were found under a "derivative" link).
test('axe finds every target of 24 × 24 px or clear of others before any scrolling, on every part (as Lighthouse runs it)', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const { context, page } = await open(browser, baseURL!, { width: 412, height: 823 });
  const found: string[] = [];
  for (const path of PART_PAGES) {
    await page.goto(path);
    await page.waitForLoadState('load');
    const results = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
    for (const v of results.violations)
      for (const node of v.nodes) found.push(`/${path}: ${node.html.slice(0, 80)} — ${node.failureSummary ?? ''}`);
  }
  expect(found, found.join('\n')).toEqual([]);
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const path of [...PART_PAGES, 'glossary/', '']) {
    test(`axe finds no violation on "/${path}" at 360 px in ${scheme} mode`, async ({ browser, baseURL }) => {
      test.slow();
      const { context, page } = await open(browser, baseURL!, PHONE, scheme);
      await page.goto(path);
      await readDown(page);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`,
      );
      expect(summary).toEqual([]);
      await context.close();
    });
  }
}
