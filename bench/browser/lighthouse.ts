/**
 * npm run bench:lighthouse  (= tsx bench/browser/lighthouse.ts)
 *
 * Lighthouse with its mobile defaults (a Moto G Power-sized screen, simulated slow 4G and 4× CPU
 * slowdown) on every lecture part of the built site (dist/), each in a fresh Debian chromium.
 * Prints performance, accessibility, LCP, CLS and TBT per page; writes
 * bench/results/lighthouse-latest.json. Options: --page <part of a path>[,…], --port P (4430;
 * chromium's debugging port is P + 1).
 */
import lighthouse from 'lighthouse';
import {
  distDir,
  flag,
  launch,
  lecturePages,
  loadAverage,
  log,
  mark,
  serve,
  sitePages,
  table,
  writeResults,
} from './common.ts';

const args = process.argv.slice(2);
const PORT = Number(flag(args, 'port') ?? 4430);
const PAGE = flag(args, 'page');

interface LighthouseResult {
  page: string;
  performance: number;
  accessibility: number;
  /** ms */
  lcp: number;
  cls: number;
  /** ms */
  tbt: number;
  /** ms */
  fcp: number;
  /** the accessibility audits that failed */
  failing: string[];
  /** Lighthouse's measure of this machine's CPU speed at the time (higher is faster; ~1000+ on a quiet desktop) */
  benchmarkIndex: number;
}

const dist = distDir();
// the parts of a lecture: /lectures/<lecture>/<part>/
const pages = lecturePages(sitePages(dist)).filter(
  (p) => p.split('/').length === 4 && (!PAGE || PAGE.split(',').some((part) => p.includes(part))),
);
const started = new Date();
const loadAtStart = loadAverage();
log(`# Lighthouse (mobile defaults, simulated throttling) — ${started.toISOString()}`);
log(`load average at start: ${loadAtStart}`);

const server = await serve(dist, PORT);
const results: LighthouseResult[] = [];
let settings = '';
try {
  for (const page of pages) {
    // A fresh browser per page, as the Lighthouse CLI does; Lighthouse drives it over the debugging port.
    const browser = await launch([`--remote-debugging-port=${PORT + 1}`]);
    try {
      const run = await lighthouse(server.base + page, {
        port: PORT + 1,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!run) throw new Error('Lighthouse returned nothing');
      const { categories, audits } = run.lhr;
      const accessibility = categories.accessibility;
      results.push({
        page,
        performance: Math.round((categories.performance!.score ?? 0) * 100),
        accessibility: Math.round((accessibility!.score ?? 0) * 100),
        lcp: audits['largest-contentful-paint']!.numericValue ?? NaN,
        cls: audits['cumulative-layout-shift']!.numericValue ?? NaN,
        tbt: audits['total-blocking-time']!.numericValue ?? NaN,
        fcp: audits['first-contentful-paint']!.numericValue ?? NaN,
        failing: accessibility!.auditRefs
          .filter((ref) => ref.weight > 0 && audits[ref.id]!.score === 0)
          .map((ref) => ref.id),
        benchmarkIndex: run.lhr.environment.benchmarkIndex,
      });
      if (!settings) {
        const { formFactor, throttlingMethod, throttling } = run.lhr.configSettings;
        settings = `Lighthouse ${run.lhr.lighthouseVersion}, ${formFactor}, throttling ${throttlingMethod} (RTT ${throttling.rttMs} ms, ${throttling.throughputKbps} kbps, CPU ×${throttling.cpuSlowdownMultiplier})`;
        log(settings);
      }
      if (run.lhr.runtimeError) log(`${page}: ${run.lhr.runtimeError.message}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}

log(
  table(
    [
      'page',
      'performance',
      '≥ 90',
      'accessibility',
      '= 100',
      'LCP s',
      'CLS',
      'TBT ms',
      'FCP s',
      'CPU index',
      'failing a11y audits',
    ],
    results.map((r) => [
      `/${r.page}`,
      String(r.performance),
      mark(r.performance >= 90),
      String(r.accessibility),
      mark(r.accessibility === 100),
      (r.lcp / 1000).toFixed(1),
      r.cls.toFixed(3),
      r.tbt.toFixed(0),
      (r.fcp / 1000).toFixed(1),
      r.benchmarkIndex.toFixed(0),
      r.failing.join(', ') || '—',
    ]),
    'lrrrrrrrrrl',
  ),
);
const loadAtEnd = loadAverage();
log(`\nload average at end: ${loadAtEnd}`);
log(
  `results: ${writeResults(PAGE ? 'lighthouse-partial.json' : 'lighthouse-latest.json', {
    date: started.toISOString(),
    settings,
    loadAtStart,
    loadAtEnd,
    results,
  })}`,
);
