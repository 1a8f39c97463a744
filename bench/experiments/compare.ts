/**
 * EXPERIMENT: times lib's training step against an alternative implementation of the same
 * math — bench/experiments/lean.ts (default; --dense without ReLU zero-skipping) or
 * bench/experiments/codegen-step.ts (--codegen) — on the benchmark workloads with the bench's
 * episode protocol (interleaved), and checks both reach the same loss.
 *   npx tsx bench/experiments/compare.ts [--codegen | --dense] [--clean]
 */
import { Matrix } from '../../lib/index.ts';
import { median } from '../harness.ts';
import { oursCore, oursGrid } from '../ours.ts';
import { makeBatches, type Trainer } from '../spec.ts';
import { batchSize, makeWorkloads, specFor, type Mode } from '../workloads.ts';
import { LeanMLP } from './lean.ts';
import { CodegenMLP } from './codegen-step.ts';

const RUNS = 9;
const SKIP = !process.argv.includes('--dense');
const IMPL = process.argv.includes('--codegen') ? 'codegen' : 'lean';
console.log(`lib vs ${IMPL}${IMPL === 'lean' && !SKIP ? ' (dense loops)' : ''}`);
// like the bench process: V8's ArrayBuffer-detaching protector invalidated (see bench/README.md)
if (!process.argv.includes('--clean')) { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); }
for (const w of makeWorkloads()) {
  for (const mode of ['full', 'mb32', 'single'] as Mode[]) {
    const spec = specFor(w, mode);
    const bs = batchSize(mode, w.data.n);
    const batches = makeBatches(w.data.n, bs);
    const steps = w.steps[mode];
    const xs = batches.map((b) => w.data.x.slice(b.start * w.data.d, (b.start + b.size) * w.data.d));
    const ys = batches.map((b) => w.data.y.slice(b.start * w.data.k, (b.start + b.size) * w.data.k));
    const makeLean = (): Trainer & { net: LeanMLP | CodegenMLP } => {
      const net = IMPL === 'codegen' ? new CodegenMLP(spec.sizes, spec.head, spec.weights, spec.biases, spec.learningRate, spec.momentum) : new LeanMLP(spec.sizes, spec.head, spec.weights, spec.biases, spec.learningRate, spec.momentum, SKIP);
      return {
        name: 'lean', net,
        step(i: number) { const j = i % xs.length; net.step(xs[j], ys[j], bs); },
        sync() {},
        loss() {
          const P = net.forward(w.data.x, w.data.n);
          let s = 0;
          if (spec.head === 'softmax-ce') { for (let i = 0; i < w.data.n * w.data.k; i++) if (w.data.y[i]) s -= Math.log(Math.min(Math.max(P[i], 1e-7), 1 - 1e-7)); return s / w.data.n; }
          for (let i = 0; i < w.data.n; i++) s += (P[i] - w.data.y[i]) ** 2; return s / w.data.n;
        },
        dispose() {},
      };
    };
    // interleaved episodes (lib, lean, lib, lean, …) after warm-up, medians
    const episode = (t: Trainer) => { const t0 = performance.now(); for (let i = 0; i < steps; i++) t.step(i); return (performance.now() - t0) / 1000; };
    const makeLib = () => oursCore(spec, w.data, batches);
    for (let i = 0; i < 3; i++) { episode(makeLib()); episode(makeLean()); }
    const tl: number[] = [], tn: number[] = [];
    let libLoss = NaN, leanLoss = NaN;
    for (let r = 0; r < RUNS; r++) {
      const a = makeLib(); tl.push(episode(a)); if (r === 0) libLoss = a.loss();
      const b = makeLean(); tn.push(episode(b)); if (r === 0) leanLoss = b.loss();
    }
    const lib = { medianSeconds: median(tl), firstResult: libLoss };
    const lean = { medianSeconds: median(tn), firstResult: leanLoss };
    const rel = Math.abs(lean.firstResult - lib.firstResult) / Math.abs(lib.firstResult);
    console.log(`${w.id.padEnd(6)} ${mode.padEnd(6)} lib ${((steps * bs) / lib.medianSeconds / 1e3).toFixed(1).padStart(8)}k samples/s   ${IMPL} ${((steps * bs) / lean.medianSeconds / 1e3).toFixed(1).padStart(8)}k samples/s   speed-up ${(lib.medianSeconds / lean.medianSeconds).toFixed(2)}×   loss lib ${lib.firstResult.toFixed(6)} ${IMPL} ${lean.firstResult.toFixed(6)} (rel. diff ${rel.toExponential(1)})`);
  }
}
// grid: 10,000 points through 2-16-16-3
{
  const w = makeWorkloads()[0];
  const spec = specFor(w, 'mb32');
  const side = 100, lo = -1.5, hi = 1.5;
  const g = oursGrid(spec, side, lo, hi);
  const pts = new Float64Array(side * side * 2);
  for (let j = 0; j < side; j++) for (let i = 0; i < side; i++) { pts[(j * side + i) * 2] = lo + ((hi - lo) * i) / (side - 1); pts[(j * side + i) * 2 + 1] = lo + ((hi - lo) * j) / (side - 1); }
  const net = IMPL === 'codegen' ? new CodegenMLP(spec.sizes, spec.head, spec.weights, spec.biases, 0, 0) : new LeanMLP(spec.sizes, spec.head, spec.weights, spec.biases, 0, 0);
  const CH = 1024;
  const out = new Float64Array(side * side * 3);
  const runLean = () => { for (let s = 0; s < side * side; s += CH) { const n = Math.min(CH, side * side - s); out.set(net.forward(pts.subarray(s * 2, (s + n) * 2), n).subarray(0, n * 3), s * 3); } };
  const time = (f: () => void) => { for (let i = 0; i < 50; i++) f(); const ts: number[] = []; for (let r = 0; r < 7; r++) { const t0 = performance.now(); for (let i = 0; i < 20; i++) f(); ts.push((performance.now() - t0) / 20); } ts.sort((a, b) => a - b); return ts[3]; };
  let tLib = Infinity, tLean = Infinity;
  for (let r = 0; r < 3; r++) { tLib = Math.min(tLib, time(() => g.run())); tLean = Math.min(tLean, time(runLean)); }
  let d = 0; const o = g.output(); for (let i = 0; i < out.length; i++) d = Math.max(d, Math.abs(o[i] - out[i]));
  console.log(`grid          lib ${tLib.toFixed(3)} ms   ${IMPL} ${tLean.toFixed(3)} ms   speed-up ${(tLib / tLean).toFixed(2)}×   max |Δ| ${d.toExponential(1)}`);
}
void Matrix;
