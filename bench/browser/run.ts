/**
 * npm run bench:browser  (= tsx bench/browser/run.ts)
 *
 * Measures the built site (dist/, built beforehand with `npm run build`) in Debian's chromium:
 * input → next frame per widget beside a bare slider, JS bytes per lecture page, CLS per page at
 * 360 and 1280 px, and the playground while it trains. Prints markdown tables; writes
 * bench/results/browser-latest.json (browser-partial.json when restricted). See bench/README.md.
 *
 * Options: --widget <name> (input table for one widget; repeatable as a,b), --control <text> (drive
 *          the control whose label contains it instead of each widget's first; with --widget),
 *          --samples N (default 30),
 *          --only input,bytes,cls,playground, --page <part of a path>[,…] (pages for bytes and cls),
 *          --port P (default 4430)
 */
import { measureBytes, AFTER_LIMIT, BEFORE_LIMIT, type BytesResult } from './bytes.ts';
import { measureCls, CLS_LIMIT, VIEWPORTS, type ClsResult } from './cls.ts';
import {
  distDir,
  flag,
  kb,
  launch,
  lecturePages,
  loadAverage,
  log,
  mark,
  ms,
  percentile,
  serve,
  shortName,
  sitePages,
  table,
  writeResults,
} from './common.ts';
import { FRAME_MS, measureFloor, measureWidget, widgetNames, type InputResult } from './input.ts';
import { measurePlayground, WINDOW_MS, type PlaygroundResult } from './playground.ts';

const args = process.argv.slice(2);
const SAMPLES = Number(flag(args, 'samples') ?? 30);
const WIDGETS = flag(args, 'widget')?.split(',') ?? widgetNames();
const CONTROL = flag(args, 'control');
const ONLY =
  flag(args, 'only')?.split(',') ?? (flag(args, 'widget') ? ['input'] : ['input', 'bytes', 'cls', 'playground']);
const PORT = Number(flag(args, 'port') ?? 4430);
const unknown = WIDGETS.filter((w) => !widgetNames().includes(w));
if (unknown.length || !(SAMPLES >= 1)) {
  process.stderr.write(`Unknown widget ${unknown.join(', ')} or bad --samples. Widgets: ${widgetNames().join(', ')}\n`);
  process.exit(1);
}

const dist = distDir();
const PAGE = flag(args, 'page');
const pages = sitePages(dist).filter((p) => !PAGE || PAGE.split(',').some((part) => p.includes(part)));
const started = new Date();
const loadAtStart = loadAverage();
log(`# Browser bench — ${started.toISOString()}`);
log(`load average at start: ${loadAtStart}`);
log(`chromium /usr/bin/chromium, headless; site served from dist/ by scripts/serve.mjs (no compression)`);

const server = await serve(dist, PORT);
const base = server.base;
const browser = await launch();
log(`chromium ${browser.version()}`);
const results: {
  input?: { floor: InputResult; widgets: InputResult[] };
  bytes?: BytesResult[];
  cls?: ClsResult[];
  playground?: PlaygroundResult;
} = {};

try {
  if (ONLY.includes('input')) {
    log(`\n## Input → next frame (ms; ${SAMPLES} samples each after 2 unmeasured presses; 1280×800)`);
    // The floor is measured before and after the widgets and pooled, so load changes hit both.
    const floorA = await measureFloor(browser, base, SAMPLES);
    const rows: InputResult[] = [];
    for (const name of WIDGETS) {
      const r = await measureWidget(browser, base, name, SAMPLES, CONTROL).catch((e: Error) => {
        log(`${name}: failed — ${e.message.split('\n')[0]}`);
        return undefined;
      });
      if (r) rows.push(r);
    }
    const floorB = await measureFloor(browser, base, SAMPLES);
    const floor = pool(floorA, floorB);
    results.input = { floor, widgets: rows };
    const budget = floor.p95 + FRAME_MS;
    log(
      table(
        [
          'widget',
          'driven',
          'p50',
          'p95',
          'max',
          `samples with an event ≥ 16 ms`,
          'longest event',
          `p95 ≤ ${ms(budget)}`,
        ],
        [floor, ...rows].map((r) => [
          r.name,
          r.driven,
          ms(r.p50),
          ms(r.p95),
          ms(r.max),
          `${r.slowEvents}/${r.samples.length}`,
          r.longestEvent ? ms(r.longestEvent) : '—',
          r === floor ? '' : mark(r.p95 <= budget),
        ]),
        'llrrrrrr',
      ),
    );
    log(
      `floor p95: ${ms(floorA.p95)} before the widgets, ${ms(floorB.p95)} after; the budget is the pooled p95 + ${FRAME_MS} ms`,
    );
  }

  if (ONLY.includes('bytes')) {
    log(`\n## JavaScript per lecture page (gzip -9 of each response; 1280×800)`);
    results.bytes = [];
    for (const page of lecturePages(pages)) results.bytes.push(await measureBytes(browser, base, page));
    log(
      table(
        [
          'page',
          'JS before scrolling',
          `≤ ${kb(BEFORE_LIMIT)}`,
          'JS hydrated',
          `≤ ${kb(AFTER_LIMIT)}`,
          'all bytes hydrated',
          'largest JS files',
        ],
        results.bytes.map((b) => [
          `/${b.page}`,
          kb(b.jsBefore),
          mark(b.jsBefore <= BEFORE_LIMIT),
          kb(b.jsAfter) + (b.notHydrated ? ` (${b.notHydrated} not hydrated)` : ''),
          mark(b.jsAfter <= AFTER_LIMIT),
          kb(b.allAfter),
          b.scripts
            .slice(0, 3)
            .map((s) => `${shortName(s.file)} ${kb(s.gzip)}`)
            .join(', '),
        ]),
        'lrrrrrl',
      ),
    );
  }

  if (ONLY.includes('cls')) {
    log(`\n## Layout shift per page, scrolled through so widgets hydrate`);
    results.cls = [];
    for (const page of pages)
      for (const viewport of VIEWPORTS) results.cls.push(await measureCls(browser, base, page, viewport));
    log(
      table(
        ['page', 'width', 'CLS (sum of shifts)', 'largest session window', `< ${CLS_LIMIT}`, 'largest shift, element'],
        results.cls.map((c) => [
          `/${c.page}`,
          String(c.width),
          c.total.toFixed(3) + (c.notHydrated ? ` (${c.notHydrated} not hydrated)` : ''),
          c.session.toFixed(3),
          mark(c.total < CLS_LIMIT),
          c.largest ? `${c.largest.value.toFixed(3)} ${c.largest.source}` : '—',
        ]),
        'lrrrrl',
      ),
    );
  }

  if (ONLY.includes('playground')) {
    log(`\n## Playground training (spiral, as fast as it goes; ${WINDOW_MS / 1000} s window; 1280×800)`);
    const p = await measurePlayground(browser, base);
    results.playground = p;
    log(
      table(
        [
          'fps',
          'p95 frame interval',
          'longest frame interval',
          'long tasks (> 50 ms)',
          'longest task',
          'epochs trained',
        ],
        [
          [
            p.fps.toFixed(1),
            ms(p.p95Frame),
            ms(p.longestFrame),
            String(p.longTasks),
            ms(p.longestTask),
            String(p.epochs),
          ],
        ],
      ),
    );
  }
} finally {
  await browser.close();
  server.close();
}

const loadAtEnd = loadAverage();
log(`\nload average at end: ${loadAtEnd}`);
const partial =
  CONTROL !== undefined ||
  ONLY.length < 4 ||
  WIDGETS.length < widgetNames().length ||
  SAMPLES < 30 ||
  PAGE !== undefined;
const file = writeResults(partial ? 'browser-partial.json' : 'browser-latest.json', {
  date: started.toISOString(),
  loadAtStart,
  loadAtEnd,
  samples: SAMPLES,
  ...results,
});
log(`results: ${file}`);

function pool(a: InputResult, b: InputResult): InputResult {
  const samples = [...a.samples, ...b.samples];
  return {
    ...a,
    samples,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(a.max, b.max),
    slowEvents: a.slowEvents + b.slowEvents,
    longestEvent: Math.max(a.longestEvent, b.longestEvent),
  };
}
