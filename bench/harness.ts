/** Timing helpers: warm-up, calibration, several timed runs, median. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** median seconds per call of `unit` */
  medianSeconds: number;
  /** seconds per call for every timed run */
  runs: number[];
  /** calls per timed run */
  callsPerRun: number;
}

export interface TimingOptions {
  /** wall time spent warming up (JIT, caches) before anything is timed */
  warmupMs: number;
  /** target duration of one timed run */
  runMs: number;
  /** number of timed runs (median is reported) */
  runs: number;
}

export const DEFAULT_TIMING: TimingOptions = { warmupMs: 300, runMs: 200, runs: 5 };

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Times `unit(i)` (i = running call counter). `sync` is called at the end of every timed
 * block (tfjs: forces pending work to finish; no-op for synchronous engines).
 */
export function time(unit: (i: number) => void, sync: () => void, opts: TimingOptions = DEFAULT_TIMING): Timing {
  let counter = 0;
  // warm-up, doubling the batch of calls until the warm-up budget is used; this also calibrates
  let calls = 1;
  let perCall = Infinity;
  const warmEnd = performance.now() + opts.warmupMs;
  do {
    const t0 = performance.now();
    for (let c = 0; c < calls; c++) unit(counter++);
    sync();
    const dt = performance.now() - t0;
    perCall = dt / calls;
    if (dt < opts.runMs / 4) calls *= 2;
  } while (performance.now() < warmEnd);
  const callsPerRun = Math.max(1, Math.round(opts.runMs / Math.max(perCall, 1e-6)));
  const runs: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    const t0 = performance.now();
    for (let c = 0; c < callsPerRun; c++) unit(counter++);
    sync();
    runs.push((performance.now() - t0) / 1000 / callsPerRun);
  }
  return { medianSeconds: median(runs), runs, callsPerRun };
}
