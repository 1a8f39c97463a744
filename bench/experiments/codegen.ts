/**
 * EXPERIMENT: does specialising a kernel to its layer shape (loops over the small dimension
 * fully unrolled, generated once with `new Function`) beat lib's generic loops on the tiny
 * shapes of the benchmark?   npx tsx bench/experiments/codegen.ts
 * Forward Z = X·W + B (+ ReLU) for one layer, batch 32.
 */
import { Matrix, addRowVector, matmul } from '../../lib/index.ts';
import { median } from '../harness.ts';

// like the bench process (see README): V8's ArrayBuffer-detaching protector invalidated
{ const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); }

type Kernel = (X: Float64Array, W: Float64Array, B: Float64Array, Z: Float64Array, n: number) => void;

/** rows loop stays a loop; for each row all m·p multiply-adds are written out, accumulators in locals */
function generate(m: number, p: number, relu: boolean): Kernel {
  const lines: string[] = ['for (let i = 0; i < n; i++) {', `  const x = i * ${m}, z = i * ${p};`];
  for (let k = 0; k < m; k++) lines.push(`  const x${k} = X[x + ${k}];`);
  for (let j = 0; j < p; j++) {
    const terms = Array.from({ length: m }, (_, k) => `x${k} * W[${k * p + j}]`);
    lines.push(`  let s${j} = B[${j}] + ${terms.join(' + ')};`);
    lines.push(relu ? `  Z[z + ${j}] = s${j} > 0 ? s${j} : 0;` : `  Z[z + ${j}] = s${j};`);
  }
  lines.push('}');
  return new Function('X', 'W', 'B', 'Z', 'n', lines.join('\n')) as Kernel;
}

function rand(n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.sin(i * 12.9898) * 0.5;
  return a;
}
function bench(f: () => void, reps: number): number {
  for (let i = 0; i < reps; i++) f();
  const ts: number[] = [];
  for (let r = 0; r < 9; r++) { const t0 = performance.now(); for (let i = 0; i < reps; i++) f(); ts.push((performance.now() - t0) / reps); }
  return median(ts) * 1000;
}
console.log('forward+bias+ReLU, batch 32       lib µs   generated µs');
for (const [m, p, name] of [[1, 8, 'sine L1'], [8, 1, 'sine L2'], [2, 16, 'spiral L1'], [16, 16, 'spiral L2'], [16, 3, 'spiral L3'], [64, 64, 'wide L2']] as [number, number, string][]) {
  const n = 32;
  const X = new Matrix(n, m, rand(n * m)), W = new Matrix(m, p, rand(m * p)), B = new Matrix(1, p, rand(p)), Z = new Matrix(n, p), Z2 = new Float64Array(n * p);
  const g = generate(m, p, true);
  const reps = Math.max(500, Math.round(3e6 / (n * m * p)));
  const tLib = bench(() => { matmul(X, W, Z); addRowVector(Z, B, Z); const d = Z.data; for (let i = 0; i < d.length; i++) d[i] = d[i] > 0 ? d[i] : 0; }, reps);
  const tGen = bench(() => g(X.data, W.data, B.data, Z2, n), reps);
  let err = 0; for (let i = 0; i < n * p; i++) err = Math.max(err, Math.abs(Z.data[i] - Z2[i]));
  if (err > 1e-12) throw new Error('mismatch ' + err);
  console.log(`${name.padEnd(10)} ${`${n}×${m}×${p}`.padEnd(10)} ${tLib.toFixed(3).padStart(12)} ${tGen.toFixed(3).padStart(12)}   (${(tLib / tGen).toFixed(2)}×)`);
}
