/**
 * npx tsx bench/browser/page-load.ts <site folder> <page> [port] [loads]
 *
 * Main-thread work while one page loads, for A/B comparisons of two builds (e.g. a copy of dist/
 * with one CSS rule changed): a 412 × 823 phone-sized window, the CPU slowed ×4 through the
 * DevTools protocol, then after `load` + 4 s chromium's own counters (`Performance.getMetrics`:
 * layout, style, script and task time) and the long tasks (blocking = Σ (duration − 50 ms)).
 * Prints the median of `loads` fresh loads (default 3). Interleave the builds you compare: the
 * machine's load moves every figure.
 */
import { launch, serve } from './common.ts';

const [dir, page, portArg, loadsArg] = process.argv.slice(2);
if (!dir || page === undefined) throw new Error('usage: page-load.ts <site folder> <page> [port] [loads]');
const port = Number(portArg ?? 4490);
const loads = Number(loadsArg ?? 3);

interface Sample {
  [figure: string]: number;
}

const server = await serve(dir, port);
const browser = await launch();
const samples: Sample[] = [];
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await tab.addInitScript(() => {
      const tasks: number[] = [];
      Object.assign(window, { __longTasks: tasks });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await tab.goto(server.base + page, { waitUntil: 'load' });
    await tab.waitForTimeout(4000);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    const tasks = await tab.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    samples.push({
      'layout ms': metric('LayoutDuration'),
      'style ms': metric('RecalcStyleDuration'),
      'script ms': metric('ScriptDuration'),
      'tasks ms': metric('TaskDuration'),
      'blocking ms': tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      'longest task ms': Math.max(0, ...tasks),
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (figure: string) => {
  const sorted = samples.map((s) => s[figure]!).sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
};
console.log(
  `${dir} ${page}: ${Object.keys(samples[0]!)
    .map((f) => `${f} ${median(f)}`)
    .join(' · ')}`,
);
