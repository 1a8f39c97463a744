/**
 * lib/kernels — the speed of the engine, kept out of the lesson.
 *
 * The lesson layer (Matrix, Dense, the activations, the losses, SGD, Network, Trainer) is written
 * like the math and is what the lecture quotes. Where it needs speed it calls one of the kernels
 * below, the way a tfjs-core op checks its inputs and then calls a named kernel:
 *
 * | lesson op                                  | kernel                                    |
 * |--------------------------------------------|-------------------------------------------|
 * | products.ts matmul, matmulAddRowVector     | matmulKernel       C = start + A·B        |
 * | products.ts matmulTransposeA               | matmulTransposeAKernel   C = Aᵀ·B         |
 * | products.ts matmulTransposeB               | matmulTransposeBKernel   C = A·Bᵀ         |
 * | Network.forward, Network.backwardFromLoss  | tinyNetworkForward / tinyNetworkBackward  |
 * |   (nets ≤ 8 wide, see tinyNetworkFits)     |   (bit-identical to layer by layer)       |
 * | losses.ts softmaxCrossEntropyBackward      | flushSubnormals                           |
 * | SGD.postUpdateParams                       | flushTinyMomentums                        |
 *
 * Kernels work on row-major Float64Arrays (or the lesson's Matrix buffers), trust their
 * arguments (the ops check shapes and aliasing first), and are tested against the plain
 * definitions: matmul.test.ts against the textbook triple loop, tiny-network.test.ts against the
 * layer-by-layer path bit for bit, underflow.test.ts against the values they replace.
 * Nothing outside lib/ imports them; lib/index.ts does not export them.
 */
export { matmulKernel, matmulTransposeAKernel, matmulTransposeBKernel } from './matmul.ts';
export {
  tinyNetworkFits,
  tinyNetworkForward,
  tinyNetworkBackward,
  type TinyActivationKind,
  type TinyNetworkHead,
} from './tiny-network.ts';
export { flushSubnormals, flushTinyMomentums } from './underflow.ts';
