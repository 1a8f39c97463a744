/**
 * npm run bench  (= tsx bench/run.ts)
 *
 * Trains the same seeded workloads, from the same initial weights, in our engine (lib/) and in
 * peer libraries, and prints one table per workload: our throughput and our throughput divided
 * by each peer's. Results go to bench/results/latest.json. See bench/README.md.
 *
 * Options: --quick (shorter timing runs, for a smoke test), --only=spiral,wide,sine,grid,memory
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { DEFAULT_TIMING, median, time, type TimingOptions } from './harness.ts';
import { makeBatches, type Batch, type DataSet, type NetSpec, type Predictor, type Trainer } from './spec.ts';
import { oursCore, oursGrid, oursTrainer } from './ours.ts';
import { batchSize, makeWorkloads as buildWorkloads, specFor, type Mode, type Workload } from './workloads.ts';
import { tf, tfPredictor, tfTrainer, useBackend } from './peers/tfjs.ts';
import { convnetPredictor, convnetTrainer } from './peers/convnet.ts';
import { brainPredictor, brainTrainer } from './peers/brain.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = (args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',') ?? ['spiral', 'wide', 'sine', 'grid', 'memory']) as string[];
/** --engines=ours,tfjs-cpu,… restricts the contestants (ours is always run) */
const ENGINES = args
  .find((a) => a.startsWith('--engines='))
  ?.slice(10)
  .split(',');
const TIMING: TimingOptions = QUICK ? { warmupMs: 60, runMs: 40, runs: 3 } : DEFAULT_TIMING;
/** timed training episodes per engine and mode (after warm-up) */
const RUNS = QUICK ? 2 : 5;
const WARMUP_MS = QUICK ? 0 : 500;
/** a timed sample repeats the episode (fresh weights each time) until it lasts at least this long */
const MIN_SAMPLE_MS = QUICK ? 10 : 60;

const startedAt = performance.now();
const log = (s = '') => process.stdout.write(s + '\n');

// ------------------------------------------------------------------------------------------
// workloads
// ------------------------------------------------------------------------------------------

const MODES: Mode[] = ['full', 'mb32', 'single'];
const makeWorkloads = () => buildWorkloads(QUICK);

// ------------------------------------------------------------------------------------------
// contestants
// ------------------------------------------------------------------------------------------

type Engine = 'ours' | 'ours (Trainer)' | 'tfjs-cpu' | 'tfjs-wasm' | 'convnetjs' | 'brain.js';
const PEERS: Engine[] = (['tfjs-cpu', 'tfjs-wasm', 'convnetjs', 'brain.js'] as Engine[]).filter(
  (e) => !ENGINES || ENGINES.includes(e),
);
const WITH_TRAINER = !ENGINES || ENGINES.includes('ours (Trainer)') || ENGINES.includes('trainer');

let wasmInfo = 'wasm';
let brainStatus = 'not tried';

/** Prepares the engine (tfjs backend) and returns a synchronous factory, or undefined if the engine does not apply. */
async function factory(
  engine: Engine,
  spec: NetSpec,
  data: DataSet,
  batches: Batch[],
): Promise<(() => Trainer) | undefined> {
  switch (engine) {
    case 'ours':
      return () => oursCore(spec, data, batches);
    case 'ours (Trainer)':
      return () => oursTrainer(spec, data, batches[0]!.size);
    case 'tfjs-cpu':
      await useBackend('cpu');
      return () => tfTrainer('tfjs-cpu', spec, data, batches);
    case 'tfjs-wasm':
      wasmInfo = await useBackend('wasm');
      return () => tfTrainer('tfjs-wasm', spec, data, batches);
    case 'convnetjs':
      return () => convnetTrainer(spec, data, batches);
    case 'brain.js':
      // brain.js only trains per sample (see peers/brain.ts)
      if (batches[0]!.size !== 1) return undefined;
      return () => brainTrainer(spec, data, batches);
  }
}

// ------------------------------------------------------------------------------------------
// results
// ------------------------------------------------------------------------------------------

interface Measurement {
  samplesPerSec: number;
  stepsPerSec: number;
  /** steps per timed episode */
  steps: number;
  /** episodes per timed sample (fast engines repeat the episode so a sample lasts ≥ MIN_SAMPLE_MS) */
  episodesPerSample: number;
  medianEpisodeSeconds: number;
  episodeSeconds: number[];
}

interface WorkloadResult {
  workload: string;
  mode: Mode;
  batchSize: number;
  stepsPerEpoch: number;
  results: Partial<Record<Engine, Measurement>>;
  /** our throughput ÷ peer throughput */
  ratios: Partial<Record<Engine, number>>;
  notApplicable: Partial<Record<Engine, string>>;
  learningRate: number;
  /** loss on the whole data set after one timed episode (same steps from the same start), per engine */
  lossAfterEpisode: Partial<Record<Engine, number>>;
}

const results: WorkloadResult[] = [];

function fmtRate(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(1);
}

function fmtRatio(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  return x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** Markdown-compatible table (also readable as plain text). */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((cell, c) => pad(cell, widths[c]!, c > 0)).join(' | ') + ' |';
  const sep = '|' + widths.map((wd, c) => (c > 0 ? '-'.repeat(wd + 1) + ':' : '-'.repeat(wd + 2))).join('|') + '|';
  return [line(header), sep, ...rows.map(line)].join('\n');
}

// ------------------------------------------------------------------------------------------
// training benchmarks
// ------------------------------------------------------------------------------------------

async function benchWorkload(w: Workload): Promise<void> {
  log(`\n## ${w.title}`);
  for (const mode of MODES) {
    const bs = batchSize(mode, w.data.n);
    const batches = makeBatches(w.data.n, bs);
    const spec = specFor(w, mode);
    const steps = w.steps[mode];
    const r: WorkloadResult = {
      workload: w.id,
      mode,
      batchSize: bs,
      stepsPerEpoch: batches.length,
      learningRate: spec.learningRate,
      results: {},
      ratios: {},
      notApplicable: {},
      lossAfterEpisode: {},
    };
    // Engines are interleaved: every round runs one timed episode of each engine (in a rotating
    // order), so a burst of background load hits all of them alike instead of one engine's runs.
    const engines = (['ours', ...(WITH_TRAINER ? ['ours (Trainer)'] : []), ...PEERS] as Engine[]).filter((e) => {
      if (e === 'brain.js' && bs !== 1) {
        r.notApplicable[e] = 'brain.js adjusts weights after every sample (no batches)';
        return false;
      }
      return true;
    });
    // One timed sample = `reps` consecutive episodes, each on its own fresh trainer built
    // beforehand (untimed); reps is chosen per engine so a sample lasts ≥ MIN_SAMPLE_MS (a
    // 5 ms episode alone is too short to time reliably). The recorded time is per episode.
    const buildAll = async (engine: Engine, n: number): Promise<Trainer[]> => {
      const make = (await factory(engine, spec, w.data, batches))!;
      return Array.from({ length: n }, () => make());
    };
    const runAll = (ts: Trainer[]): number => {
      const t0 = performance.now();
      for (const t of ts) {
        for (let i = 0; i < steps; i++) t.step(i);
        t.sync();
      }
      return (performance.now() - t0) / 1000 / ts.length;
    };
    const reps = new Map<Engine, number>();
    for (const engine of engines) {
      const warmEnd = performance.now() + WARMUP_MS;
      let best = Infinity;
      let count = 0;
      do {
        const ts = await buildAll(engine, 1);
        best = Math.min(best, runAll(ts));
        ts.forEach((t) => t.dispose());
        count++;
      } while (count < 2 || performance.now() < warmEnd);
      reps.set(engine, Math.max(1, Math.ceil(MIN_SAMPLE_MS / 1000 / best)));
    }
    const times = new Map<Engine, number[]>(engines.map((e) => [e, []]));
    for (let round = 0; round < RUNS; round++) {
      for (let j = 0; j < engines.length; j++) {
        const engine = engines[(j + round) % engines.length]!;
        const ts = await buildAll(engine, reps.get(engine)!);
        times.get(engine)!.push(runAll(ts));
        if (round === 0) {
          const loss = ts[0]!.loss();
          if (!Number.isFinite(loss) && engine !== 'brain.js')
            throw new Error(`${engine} ${w.id}/${mode}: loss ${loss}`);
          r.lossAfterEpisode[engine] = loss;
        }
        ts.forEach((t) => t.dispose());
      }
    }
    for (const engine of engines) {
      const ts = times.get(engine)!;
      const med = median(ts);
      r.results[engine] = {
        samplesPerSec: (steps * bs) / med,
        stepsPerSec: steps / med,
        steps,
        episodesPerSample: reps.get(engine)!,
        medianEpisodeSeconds: med,
        episodeSeconds: ts,
      };
    }
    const ours = r.results.ours!.samplesPerSec;
    for (const p of PEERS) if (r.results[p]) r.ratios[p] = ours / r.results[p]!.samplesPerSec;
    if (r.results['ours (Trainer)']) r.ratios['ours (Trainer)'] = ours / r.results['ours (Trainer)']!.samplesPerSec;
    results.push(r);
  }
  printWorkload(w);
}

const MODE_LABEL: Record<Mode, string> = { full: 'full batch', mb32: 'mini-batch 32', single: 'single sample' };

function printWorkload(w: Workload): void {
  const rows = results
    .filter((r) => r.workload === w.id)
    .map((r) => [
      `${MODE_LABEL[r.mode]} (${r.batchSize})`,
      String(r.results.ours!.steps),
      fmtRate(r.results.ours!.samplesPerSec),
      fmtRate(r.results.ours!.stepsPerSec),
      ...PEERS.map((p) => fmtRatio(r.ratios[p])),
      fmtRate(r.results['ours (Trainer)']?.samplesPerSec),
    ]);
  log(
    table(
      [
        'mode (batch)',
        'steps/run',
        'ours samples/s',
        'ours steps/s',
        ...PEERS.map((p) => `÷ ${p}`),
        'ours (Trainer) samples/s',
      ],
      rows,
    ),
  );
  const eq = results
    .filter((r) => r.workload === w.id)
    .map((r) => {
      const ref = r.lossAfterEpisode.ours!;
      const parts = (['tfjs-cpu', 'tfjs-wasm', 'convnetjs'] as Engine[]).map((p) => {
        const v = r.lossAfterEpisode[p];
        return `${p} ${v === undefined ? '—' : (Math.abs(v - ref) / Math.abs(ref)).toExponential(1)}`;
      });
      return `${r.mode}: ${ref.toFixed(4)} (${parts.join(', ')})`;
    });
  log(`same-math check, loss after one episode — ours (relative difference of each peer): ${eq.join(' | ')}`);
}

// ------------------------------------------------------------------------------------------
// grid prediction
// ------------------------------------------------------------------------------------------

interface GridResult {
  points: number;
  results: Partial<Record<Engine, { pointsPerSec: number; medianSeconds: number; runSeconds: number[] }>>;
  ratios: Partial<Record<Engine, number>>;
  maxAbsDiffVsOurs: Partial<Record<Engine, number>>;
}
let gridResult: GridResult | undefined;

async function benchGrid(workload: Workload): Promise<void> {
  const w = { ...workload, spec: specFor(workload, 'mb32') };
  const side = 100;
  const lo = -1.5,
    hi = 1.5;
  const xs = Array.from({ length: side }, (_, i) => lo + ((hi - lo) * i) / (side - 1));
  const grid = new Float64Array(side * side * 2);
  for (let j = 0; j < side; j++)
    for (let i = 0; i < side; i++) {
      grid[(j * side + i) * 2] = xs[i]!;
      grid[(j * side + i) * 2 + 1] = xs[j]!;
    }
  const k = 3;
  const make = async (e: Engine): Promise<Predictor | undefined> => {
    switch (e) {
      case 'ours':
        return oursGrid(w.spec, side, lo, hi);
      case 'tfjs-cpu':
        await useBackend('cpu');
        return tfPredictor('tfjs-cpu', w.spec, grid, 2);
      case 'tfjs-wasm':
        await useBackend('wasm');
        return tfPredictor('tfjs-wasm', w.spec, grid, 2);
      case 'convnetjs':
        return convnetPredictor(w.spec, grid, 2, k);
      case 'brain.js':
        return brainPredictor(w.spec, grid, 2, k);
      default:
        return undefined;
    }
  };
  const res: GridResult = { points: side * side, results: {}, ratios: {}, maxAbsDiffVsOurs: {} };
  let oursOut: Float64Array | undefined;
  const engines = ['ours', ...PEERS] as Engine[];
  // warm-up and calibration per engine (time() = warm-up + runs); then interleaved rounds
  const calls = new Map<Engine, number>();
  const runs = new Map<Engine, number[]>(engines.map((e) => [e, []]));
  for (const e of engines) {
    const p = (await make(e))!;
    const t = time(
      () => p.run(),
      () => {},
      { ...TIMING, runs: 1 },
    );
    calls.set(e, t.callsPerRun);
    const out = p.output();
    if (e === 'ours') oursOut = out.slice();
    else if (e !== 'brain.js') {
      let m = 0;
      for (let i = 0; i < out.length; i++) m = Math.max(m, Math.abs(out[i]! - oursOut![i]!));
      res.maxAbsDiffVsOurs[e] = m;
    }
    p.dispose();
  }
  for (let round = 0; round < TIMING.runs; round++) {
    for (let j = 0; j < engines.length; j++) {
      const e = engines[(j + round) % engines.length]!;
      const p = (await make(e))!;
      p.run(); // not timed: first call after (re)creation
      const n = calls.get(e)!;
      const t0 = performance.now();
      for (let c = 0; c < n; c++) p.run();
      runs.get(e)!.push((performance.now() - t0) / 1000 / n);
      p.dispose();
    }
  }
  for (const e of engines) {
    const med = median(runs.get(e)!);
    res.results[e] = { pointsPerSec: res.points / med, medianSeconds: med, runSeconds: runs.get(e)! };
  }
  for (const p of PEERS)
    if (res.results[p]) res.ratios[p] = res.results.ours!.pointsPerSec / res.results[p]!.pointsPerSec;
  gridResult = res;
  log(`\n## grid prediction: 100×100 = 10,000 points through 2-16-16-3 (softmax probabilities)`);
  log(
    table(
      ['engine', 'points/s', 'ms per grid', 'ours ÷ engine', 'max |Δ| vs ours'],
      (['ours', ...PEERS] as Engine[]).map((e) => [
        e === 'tfjs-cpu' || e === 'tfjs-wasm'
          ? `${e} (one 10000×2 tensor)`
          : e === 'ours'
            ? 'ours (GridPredictor)'
            : `${e} (per point)`,
        fmtRate(res.results[e]!.pointsPerSec),
        (res.results[e]!.medianSeconds * 1000).toFixed(3),
        e === 'ours' ? '1×' : fmtRatio(res.ratios[e]),
        e === 'ours' ? '—' : e === 'brain.js' ? 'n/a (ReLU output)' : res.maxAbsDiffVsOurs[e]!.toExponential(1),
      ]),
    ),
  );
}

// ------------------------------------------------------------------------------------------
// GFLOP/s and heap growth
// ------------------------------------------------------------------------------------------

/** Matmul flops of one training step: forward X·W, backward Xᵀ·dZ and dZ·Wᵀ (the bare step skips dZ·Wᵀ of the first layer). */
function flopsPerStep(spec: NetSpec, batch: number): number {
  let f = 0;
  for (let l = 0; l < spec.sizes.length - 1; l++)
    f += (l === 0 ? 2 : 3) * 2 * batch * spec.sizes[l]! * spec.sizes[l + 1]!;
  return f;
}

interface HeapResult {
  steps: number;
  engine: string;
  /** heapUsed after forced gc, before the loop */
  heapBefore: number;
  /** heapUsed after the loop and a forced gc */
  heapAfter: number;
  /** heapAfter − heapBefore: memory the loop kept */
  retainedGrowth: number;
  /** garbage collections (scavenges or more) that ran during the loop */
  gcEventsDuringLoop: number;
  /** median young-generation bytes allocated per step, from new_space usage over chunks without a GC, minus the measurement's own allocation */
  bytesPerStep: number;
}
const heapResults: HeapResult[] = [];

function newSpaceUsed(): number {
  return v8.getHeapSpaceStatistics().find((sp) => sp.space_name === 'new_space')!.space_used_size;
}

/**
 * Two numbers: (1) retained growth — heapUsed after gc(), before vs after `steps` steps;
 * (2) allocation rate — new_space usage grows by exactly what the loop allocates until a
 * scavenge empties it, so the loop runs in chunks of 100 steps and the median growth of the
 * chunks that saw no GC is the bytes allocated per step (0 for an allocation-free loop).
 */
async function measureHeap(label: string, t: Trainer, steps: number): Promise<HeapResult> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let i = 0; i < 500; i++) t.step(i); // warm: buffers sized, JIT compiled
  let gcEvents = 0;
  const obs = new PerformanceObserver((list) => {
    gcEvents += list.getEntries().length;
  });
  obs.observe({ entryTypes: ['gc'] });
  gc();
  gc();
  await new Promise((r) => setTimeout(r, 20));
  gcEvents = 0;
  const before = process.memoryUsage().heapUsed;
  const chunk = 100;
  const perStep: number[] = [];
  for (let done = 0; done < steps; done += chunk) {
    const n0 = newSpaceUsed();
    for (let i = done; i < done + chunk; i++) t.step(i);
    const grew = newSpaceUsed() - n0;
    if (grew >= 0) perStep.push(grew / chunk);
  }
  await new Promise((r) => setTimeout(r, 20)); // let the observer deliver its entries
  const gcDuring = gcEvents;
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  obs.disconnect();
  return {
    steps,
    engine: label,
    heapBefore: before,
    heapAfter: after,
    retainedGrowth: after - before,
    gcEventsDuringLoop: gcDuring,
    bytesPerStep: perStep.length ? Math.max(0, median(perStep) - measurementFloor(chunk)) : NaN,
  };
}

/** What the measurement itself allocates per chunk (getHeapSpaceStatistics returns fresh objects), per step. */
function measurementFloor(chunk: number): number {
  const per: number[] = [];
  let sink = 0;
  for (let c = 0; c < 50; c++) {
    const n0 = newSpaceUsed();
    for (let i = 0; i < chunk; i++) sink += i;
    const grew = newSpaceUsed() - n0;
    if (grew >= 0) per.push(grew / chunk);
  }
  return sink < 0 ? NaN : median(per);
}

// ------------------------------------------------------------------------------------------
// long run: what happens to our engine's speed once ReLUs die (denormal momentum)
// ------------------------------------------------------------------------------------------

interface LongRunResult {
  learningRate: number;
  segments: {
    fromStep: number;
    toStep: number;
    stepsPerSec: number;
    denormalMomentums: number;
    zeroMomentums: number;
    parameters: number;
  }[];
}
let longRunResult: LongRunResult | undefined;

/**
 * Regression check for a numerical slowdown. Single-sample SGD with a too-large learning rate
 * (0.05, momentum 0.9) kills most ReLUs of the spiral net. A dead unit's gradient is exactly 0,
 * so its momentum decays as 0.9^t into the subnormal range — where 0.9 · 5e-324 rounds back to
 * 5e-324, so without a flush it stays subnormal forever, and x86 arithmetic on subnormals is
 * ~15× slower. lib/sgd.ts flushes tiny momentums to 0; this shows steps/s stays flat over time
 * and counts subnormal momentum values (should be 0).
 */
function longRun(w: Workload): void {
  const spec = { ...w.spec, learningRate: 0.05 };
  const t = oursCore(spec, w.data, makeBatches(w.data.n, 1));
  const seg = QUICK ? 2000 : 4000;
  const segments: LongRunResult['segments'] = [];
  let step = 0;
  for (let s = 0; s < 5; s++) {
    const t0 = performance.now();
    for (let i = 0; i < seg; i++) t.step(step++);
    const dt = (performance.now() - t0) / 1000;
    let den = 0,
      zero = 0,
      total = 0;
    const sgd = t.optimizer;
    for (const m of [...sgd.weightMomentums, ...sgd.biasMomentums]) {
      for (const v of m.data) {
        total++;
        if (v === 0) zero++;
        else if (Math.abs(v) < 2.2250738585072014e-308) den++;
      }
    }
    segments.push({
      fromStep: step - seg,
      toStep: step,
      stepsPerSec: seg / dt,
      denormalMomentums: den,
      zeroMomentums: zero,
      parameters: total,
    });
  }
  longRunResult = { learningRate: spec.learningRate, segments };
  log(
    `\n## long run: ours, spiral single-sample SGD at lr 0.05 (too high: most ReLUs die) — steps/s must stay flat, no subnormal momentum`,
  );
  log(
    table(
      ['steps', 'ours steps/s', 'subnormal momentum values', 'exactly 0'],
      segments.map((g) => [
        `${g.fromStep}–${g.toStep}`,
        fmtRate(g.stepsPerSec),
        `${g.denormalMomentums} of ${g.parameters}`,
        String(g.zeroMomentums),
      ]),
    ),
  );
}

// ------------------------------------------------------------------------------------------
// main
// ------------------------------------------------------------------------------------------

function version(pkg: string): string {
  try {
    let dir = path.dirname(require.resolve(pkg));
    while (
      !fs.existsSync(path.join(dir, 'package.json')) ||
      JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== pkg
    )
      dir = path.dirname(dir);
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  log(`# feedforward engine benchmark — ${new Date().toISOString()}`);
  log(
    `node ${process.version}, ${os.cpus().length} cores (${cpu}), ${os.platform()} ${os.arch()}${QUICK ? ', QUICK mode' : ''}`,
  );
  log(
    `training: per engine and mode, untimed warm-up episodes (≥ 2 and ≥ ${WARMUP_MS} ms), then ${RUNS} interleaved rounds; an episode is the same fixed number of steps from the same initial weights for every engine, a timed sample is ≥ ${MIN_SAMPLE_MS} ms of back-to-back episodes; median per episode reported`,
  );
  log(
    `load average at start: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} (1, 5, 15 min) — other processes on this machine distort timings`,
  );
  log(`grid: ${TIMING.warmupMs} ms warm-up, then ${TIMING.runs} runs of ~${TIMING.runMs} ms, median reported`);
  // brain.js status
  try {
    const probe = brainTrainer(
      {
        sizes: [1, 2, 1],
        hidden: 'relu',
        head: 'linear-mse',
        weights: [Float64Array.from([0.5, -0.5]), Float64Array.from([1, 1])],
        biases: [new Float64Array(2), new Float64Array(1)],
        learningRate: 0.1,
        momentum: 0.5,
      },
      { x: Float64Array.from([1]), y: Float64Array.from([1]), n: 1, d: 1, k: 1 },
      [{ start: 0, size: 1 }],
    );
    probe.step(0);
    brainStatus = `runs (brain.js ${version('brain.js')}, CPU NeuralNetwork); per-sample only, ReLU output + squared error`;
  } catch (e) {
    brainStatus = `cannot run: ${(e as Error).message}`;
    if (PEERS.includes('brain.js')) PEERS.splice(PEERS.indexOf('brain.js'), 1);
  }
  wasmInfo = await useBackend('wasm');
  await useBackend('cpu');
  // silence the CPU backend's one-time "install tfjs-node" banner
  (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
  log(
    `peers: tfjs-core ${version('@tensorflow/tfjs-core')} (cpu; ${wasmInfo}), convnetjs ${version('convnetjs')}, brain.js: ${brainStatus}`,
  );

  const workloads = makeWorkloads();
  for (const w of workloads) if (ONLY.includes(w.id)) await benchWorkload(w);
  if (ONLY.includes('grid')) await benchGrid(workloads[0]!);
  if (ONLY.includes('memory')) longRun(workloads[0]!);

  // GFLOP/s of our engine on the wide workload
  const gflops: Record<string, number> = {};
  const wide = workloads.find((w) => w.id === 'wide')!;
  for (const r of results.filter((r) => r.workload === 'wide')) {
    gflops[r.mode] = (flopsPerStep(wide.spec, r.batchSize) * r.results.ours!.stepsPerSec) / 1e9;
  }
  if (Object.keys(gflops).length) {
    log(`\n## our engine's GFLOP/s on the wide workload (2·m·k·n per matmul; forward X·W, backward Xᵀ·dZ and dZ·Wᵀ)`);
    log(
      table(
        ['mode', 'flops/step', 'GFLOP/s'],
        results
          .filter((r) => r.workload === 'wide')
          .map((r) => [
            MODE_LABEL[r.mode],
            flopsPerStep(wide.spec, r.batchSize).toLocaleString('en-US'),
            gflops[r.mode]!.toFixed(2),
          ]),
      ),
    );
  }

  // heap growth over 10,000 training steps
  if (ONLY.includes('memory')) {
    const sp = workloads[0]!;
    const steps = 10_000;
    for (const mode of ['mb32', 'single', 'full'] as Mode[]) {
      const bs = batchSize(mode, sp.data.n);
      heapResults.push(
        await measureHeap(
          `ours, spiral ${MODE_LABEL[mode]}`,
          oursCore(specFor(sp, mode), sp.data, makeBatches(sp.data.n, bs)),
          steps,
        ),
      );
    }
    heapResults.push(
      await measureHeap('ours (Trainer), spiral mini-batch 32', oursTrainer(specFor(sp, 'mb32'), sp.data, 32), steps),
    );
    log(
      `\n## heap over ${steps.toLocaleString('en-US')} training steps (allocation from new-space growth; retained = heapUsed after gc(), after − before)`,
    );
    log(
      table(
        ['loop', 'allocated per step', 'GCs during the 10,000 steps', 'retained after gc'],
        heapResults.map((h) => [
          h.engine,
          `${h.bytesPerStep.toFixed(0)} B`,
          String(h.gcEventsDuringLoop),
          `${(h.retainedGrowth / 1024).toFixed(1)} KiB`,
        ]),
      ),
    );
  }

  // targets
  const ratio = (wid: string, mode: Mode, peer: Engine) =>
    results.find((r) => r.workload === wid && r.mode === mode)?.ratios[peer];
  const targets = [
    { name: 'spiral mb32 ÷ tfjs-cpu', need: 12, got: ratio('spiral', 'mb32', 'tfjs-cpu') },
    { name: 'spiral mb32 ÷ convnetjs', need: 9, got: ratio('spiral', 'mb32', 'convnetjs') },
    { name: 'wide mb32 ÷ tfjs-cpu', need: 4, got: ratio('wide', 'mb32', 'tfjs-cpu') },
    { name: 'wide mb32 ÷ convnetjs', need: 2.5, got: ratio('wide', 'mb32', 'convnetjs') },
    { name: 'sine mb32 ÷ tfjs-cpu', need: 40, got: ratio('sine', 'mb32', 'tfjs-cpu') },
    { name: 'sine mb32 ÷ convnetjs', need: 6, got: ratio('sine', 'mb32', 'convnetjs') },
    { name: 'grid ÷ tfjs-cpu (batched)', need: 3.5, got: gridResult?.ratios['tfjs-cpu'] },
  ].filter((t) => t.got !== undefined);
  log(`\n## targets`);
  log(
    table(
      ['target', 'need', 'measured', 'result'],
      targets.map((t) => [t.name, `≥ ${t.need}×`, fmtRatio(t.got), t.got! >= t.need ? 'PASS' : 'FAIL']),
    ),
  );

  const seconds = (performance.now() - startedAt) / 1000;
  log(
    `\ntotal bench time ${seconds.toFixed(1)} s; load average at end: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );

  const outDir = path.join(here, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    quick: QUICK,
    args,
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu,
      platform: `${os.platform()} ${os.arch()}`,
      loadAverageAtEnd: os.loadavg(),
    },
    versions: {
      '@tensorflow/tfjs-core': version('@tensorflow/tfjs-core'),
      '@tensorflow/tfjs-backend-cpu': version('@tensorflow/tfjs-backend-cpu'),
      '@tensorflow/tfjs-backend-wasm': version('@tensorflow/tfjs-backend-wasm'),
      convnetjs: version('convnetjs'),
      'brain.js': version('brain.js'),
    },
    wasm: wasmInfo,
    brainStatus,
    timing: TIMING,
    workloads: makeWorkloads().map((w) => ({
      id: w.id,
      title: w.title,
      sizes: w.spec.sizes,
      learningRate: w.lr,
      momentum: w.spec.momentum,
      stepsPerEpisode: w.steps,
      samples: w.data.n,
    })),
    longRun: longRunResult,
    training: results,
    grid: gridResult,
    gflopsWide: gflops,
    heap: heapResults,
    targets: targets.map((t) => ({ ...t, pass: t.got! >= t.need })),
    totalSeconds: seconds,
  };
  // only a complete, non-quick run replaces latest.json; partial runs go next to it
  const partial = QUICK || args.some((a) => a.startsWith('--only=') || a.startsWith('--engines='));
  const file = path.join(outDir, partial ? 'latest-partial.json' : 'latest.json');
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

try {
  await main();
} catch (e) {
  // print the error ourselves: tfjs-wasm's Emscripten handler would dump its whole minified source
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
}
