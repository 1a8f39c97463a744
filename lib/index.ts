/**
 * lib/ — a small feedforward neural-network engine that follows Lecture 2.
 * Pure TypeScript: no DOM, runs in Node, the browser and Web Workers.
 *
 * These files are the lesson layer, written like the math and quoted by the lecture. Its speed
 * lives in lib/kernels/ (fast matrix products, the tiny-network path), which the lesson calls
 * through lib/kernels/index.ts and which is not exported from here.
 */
export * from './matrix.ts';
export * from './products.ts';
export * from './random.ts';
export * from './activations/index.ts';
export * from './losses.ts';
export * from './init.ts';
export * from './dense.ts';
export * from './network.ts';
export * from './sgd.ts';
export * from './train.ts';
export * from './health.ts';
export * from './trace.ts';
export * from './gradient-check.ts';
export * from './grid.ts';
export * from './data.ts';
export * from './serialize.ts';
export * from './perceptron.ts';
