/**
 * lib/ — a small feedforward neural-network engine that follows Lecture 2.
 * Pure TypeScript: no DOM, runs in Node, the browser and Web Workers.
 */
export * from './matrix.ts';
export * from './random.ts';
export * from './activations/index.ts';
export * from './losses.ts';
export * from './init.ts';
export * from './dense.ts';
export * from './network.ts';
export * from './sgd.ts';
export * from './train.ts';
export * from './trace.ts';
export * from './gradient-check.ts';
export * from './grid.ts';
export * from './data.ts';
export * from './serialize.ts';
export * from './perceptron.ts';
