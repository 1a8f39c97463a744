import { describe, expect, it } from 'vitest';
import { type Matrix } from './matrix.ts';
import { Network } from './network.ts';
import { createRng } from './random.ts';
import { blueOrange, circles, fruits, logicGate, sine, spiral, trainTestSplit } from './data.ts';

describe('data generators', () => {
  it('blue/orange points are linearly separable by the generating line, with a margin, reproducibly', () => {
    const data = blueOrange(200, createRng(1), { weights: [1, -2], bias: 0.3, margin: 0.05 });
    expect(data.x.shape).toBe('200×2');
    expect(data.y.shape).toBe('200×1');
    expect(data.classNames).toEqual(['orange', 'blue']);
    // the perceptron with the generating weights classifies every point correctly
    const perceptron = Network.fromParameters([{ weights: [[1], [-2]], biases: [0.3], activation: 'step' }]);
    expect(Array.from(perceptron.predictClasses(data.x))).toEqual(Array.from(data.labels!));
    for (let i = 0; i < 200; i++) {
      const [x1, x2] = data.x.rowToArray(i);
      expect(Math.abs(x1! - 2 * x2! + 0.3) / Math.hypot(1, 2)).toBeGreaterThanOrEqual(0.05);
      expect(Math.abs(x1!)).toBeLessThanOrEqual(1);
    }
    expect(new Set(data.labels).size).toBe(2);
    expect(blueOrange(200, createRng(1), { weights: [1, -2], bias: 0.3, margin: 0.05 }).x.toArray()).toEqual(
      data.x.toArray(),
    );
  });

  it('AND, OR and XOR truth tables', () => {
    expect(logicGate('and').x.toArray()).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(logicGate('and').y.toArray().flat()).toEqual([0, 0, 0, 1]);
    expect(logicGate('or').y.toArray().flat()).toEqual([0, 1, 1, 1]);
    expect(logicGate('xor').y.toArray().flat()).toEqual([0, 1, 1, 0]);
    expect(Array.from(logicGate('xor').labels!)).toEqual([0, 1, 1, 0]);
    expect(() => logicGate('nand' as never)).toThrow(/unknown gate "nand"/);
  });

  it('sine covers [0, 2π] evenly; noise and random x are seeded', () => {
    const clean = sine(5);
    expect(clean.x.toArray().flat()).toEqual([0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2, 2 * Math.PI]);
    clean.x.data.forEach((x, i) => expect(clean.y.data[i]).toBeCloseTo(Math.sin(x), 15));
    const noisy = sine(100, { noise: 0.1, rng: createRng(2) });
    const residuals = noisy.y.data.map((y, i) => y - Math.sin(noisy.x.data[i]!));
    const sd = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / 100);
    expect(sd).toBeGreaterThan(0.05);
    expect(sd).toBeLessThan(0.2);
    const random = sine(50, { random: true, rng: createRng(3) });
    expect(random.x.data.every((x) => x >= 0 && x < 2 * Math.PI)).toBe(true);
    expect(() => sine(10, { noise: 0.1 })).toThrow(/needs an rng/);
  });

  it('fruits: three labelled clusters (apple, orange, banana) with one-hot targets', () => {
    const data = fruits(50, createRng(4));
    expect(data.x.shape).toBe('150×2');
    expect(data.y.shape).toBe('150×3');
    expect(data.classNames).toEqual(['apple', 'orange', 'banana']);
    for (let c = 0; c < 3; c++) {
      const rows = data.x.toArray().filter((_, i) => data.labels![i] === c);
      expect(rows.length).toBe(50);
      data.y.toArray().forEach((row, i) => expect(row[data.labels![i]!]).toBe(1));
    }
    const meanOf = (c: number, f: number) => {
      const rows = data.x.toArray().filter((_, i) => data.labels![i] === c);
      return rows.reduce((s, r) => s + r[f]!, 0) / rows.length;
    };
    expect(meanOf(2, 0)).toBeGreaterThan(meanOf(0, 0) + 0.4); // bananas are elongated
    expect(meanOf(1, 1)).toBeGreaterThan(meanOf(0, 1) + 0.2); // oranges are more orange than apples
  });

  it('spiral: k arms, radius from 0 to 1, one-hot targets', () => {
    const data = spiral(40, 4, createRng(5));
    expect(data.x.shape).toBe('160×2');
    expect(data.y.shape).toBe('160×4');
    for (let c = 0; c < 4; c++) {
      expect(Math.hypot(...data.x.rowToArray(c * 40))).toBe(0);
      const [a, b] = data.x.rowToArray(c * 40 + 39);
      expect(Math.hypot(a!, b!)).toBeCloseTo(1, 12);
    }
    expect(Array.from(data.labels!).filter((l) => l === 3).length).toBe(40);
  });

  it('circles: an outer ring of radius 1 and an inner ring of radius factor', () => {
    const data = circles(200, createRng(6), { noise: 0, factor: 0.3 });
    for (let i = 0; i < 200; i++) {
      const r = Math.hypot(...data.x.rowToArray(i));
      expect(r).toBeCloseTo(data.labels![i] === 1 ? 0.3 : 1, 12);
    }
    expect(data.y.shape).toBe('200×1');
  });

  it('trainTestSplit shuffles with the rng and splits without losing or duplicating samples', () => {
    const data = fruits(20, createRng(7));
    const { train, test } = trainTestSplit(data, 0.25, createRng(8));
    expect(test.x.rows).toBe(15);
    expect(train.x.rows).toBe(45);
    const key = (m: Matrix, i: number) => m.rowToArray(i).join(',');
    const all = new Set(Array.from({ length: 60 }, (_, i) => key(data.x, i)));
    const seen = [
      ...Array.from({ length: 45 }, (_, i) => key(train.x, i)),
      ...Array.from({ length: 15 }, (_, i) => key(test.x, i)),
    ];
    expect(new Set(seen).size).toBe(60);
    seen.forEach((k) => expect(all.has(k)).toBe(true));
    // labels and targets stay aligned with their inputs
    train.y.toArray().forEach((row, i) => expect(row[train.labels![i]!]).toBe(1));
    expect(train.classNames).toEqual(data.classNames);
    expect(trainTestSplit(data, 0.25, createRng(8)).test.x.toArray()).toEqual(test.x.toArray());
    expect(() => trainTestSplit(data, 1.5, createRng(8))).toThrow(/testFraction/);
  });
});
