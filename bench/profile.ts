/**
 * Runs ONE of our engine's benchmark loops for a fixed time, for profiling:
 *   node --cpu-prof --cpu-prof-dir=bench/results/prof --import tsx bench/profile.ts spiral mb32
 *   node --import tsx bench/profile.ts grid
 *   (4th argument 'clean' keeps V8's ArrayBuffer-detaching protector intact; see below)
 * Then summarise the profile with: npx tsx bench/prof-summary.ts bench/results/prof/<file>.cpuprofile
 */
import { Network, createRng, sine, spiral } from '../lib/index.ts';
import { makeBatches, type DataSet, type NetSpec } from './spec.ts';
import { oursCore, oursGrid } from './ours.ts';

const [what = 'spiral', mode = 'mb32', seconds = '4', detach = 'detach'] = process.argv.slice(2);
// Like the bench process (and any app that transfers buffers to a Worker): detaching one
// ArrayBuffer invalidates V8's "array buffer detaching" protector for the whole process, after
// which optimized typed-array code carries extra checks (~20 % slower here). Pass 'clean' to skip.
if (detach !== 'clean') {
  const b = new ArrayBuffer(8);
  structuredClone(b, { transfer: [b] });
}

function spec(sizes: number[], head: NetSpec['head']): NetSpec {
  const net = Network.create({
    inputs: sizes[0]!,
    layers: sizes.slice(1).map((neurons, l) => ({
      neurons,
      activation: l < sizes.length - 2 ? 'relu' : head === 'softmax-ce' ? 'softmax' : 'linear',
    })),
    seed: 42,
  });
  return {
    sizes,
    hidden: 'relu',
    head,
    weights: net.layers.map((l) => l.weights.data.slice()),
    biases: net.layers.map((l) => l.biases.data.slice()),
    learningRate: 0.05,
    momentum: 0.9,
  };
}

const sp = spiral(100, 3, createRng(42));
const spiralData: DataSet = { x: sp.x.data, y: sp.y.data, labels: sp.labels, n: 300, d: 2, k: 3 };
const sn = sine(1000);
const sineData: DataSet = { x: sn.x.data, y: sn.y.data, n: 1000, d: 1, k: 1 };

const end = Date.now() + Number(seconds) * 1000;
let steps = 0;
if (what === 'grid') {
  const p = oursGrid(spec([2, 16, 16, 3], 'softmax-ce'), 100, -1.5, 1.5);
  while (Date.now() < end) {
    p.run();
    steps++;
  }
  console.log(`grid: ${(steps / Number(seconds)).toFixed(1)} grids/s`);
} else {
  const s =
    what === 'wide'
      ? spec([2, 64, 64, 3], 'softmax-ce')
      : what === 'sine'
        ? spec([1, 8, 1], 'linear-mse')
        : spec([2, 16, 16, 3], 'softmax-ce');
  if (what === 'sine') s.learningRate = 0.005;
  const data = what === 'sine' ? sineData : spiralData;
  const bs = mode === 'full' ? data.n : mode === 'mb32' ? 32 : 1;
  const t = oursCore(s, data, makeBatches(data.n, bs));
  while (Date.now() < end) {
    for (let i = 0; i < 100; i++) t.step(steps++);
  }
  console.log(
    `${what} ${mode}: ${((steps * bs) / Number(seconds) / 1000).toFixed(1)}k samples/s, ${(steps / Number(seconds) / 1000).toFixed(2)}k steps/s`,
  );
}
