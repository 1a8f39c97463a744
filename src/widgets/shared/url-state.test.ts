import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clampToField,
  decodeState,
  defaultsOf,
  encodeState,
  readAccess,
  readState,
  shareQuery,
  type Schema,
} from './url-state';

const schema = {
  w1: { kind: 'number', default: 0.5, min: -5, max: 5, step: 0.1 },
  b: { kind: 'number', default: 0, min: -10, max: 10, step: 0.5 },
  act: { kind: 'choice', default: 'step', options: ['step', 'sigmoid'] as const },
  grid: { kind: 'boolean', default: true },
  x: { kind: 'numbers', default: [1, 2, 3], min: -10, max: 10, step: 0.01 },
} satisfies Schema;

describe('widget URL state', () => {
  it('writes nothing for the defaults and only what differs otherwise', () => {
    expect(encodeState(schema, defaultsOf(schema))).toBe('');
    expect(encodeState(schema, { ...defaultsOf(schema), w1: -1.5, act: 'sigmoid' })).toBe('w1:-1.5,act:sigmoid');
    expect(encodeState(schema, { ...defaultsOf(schema), grid: false, x: [0.25, 2, -3] })).toBe('grid:0,x:0.25_2_-3');
  });

  it('round-trips every valid state', () => {
    const state = fc.record({
      w1: fc.integer({ min: -50, max: 50 }).map((i) => i / 10),
      b: fc.integer({ min: -20, max: 20 }).map((i) => i / 2),
      act: fc.constantFrom('step' as const, 'sigmoid' as const),
      grid: fc.boolean(),
      x: fc.array(
        fc.integer({ min: -1000, max: 1000 }).map((i) => i / 100),
        { minLength: 3, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(state, (s) => {
        const { state: back, problems } = decodeState(schema, encodeState(schema, s));
        expect(problems).toEqual([]);
        expect(back).toEqual(s);
      }),
    );
  });

  it('never throws on garbage and always returns a valid state', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { state } = decodeState(schema, text);
        expect(state.w1).toBeGreaterThanOrEqual(-5);
        expect(state.w1).toBeLessThanOrEqual(5);
        expect(['step', 'sigmoid']).toContain(state.act);
        expect(state.x).toHaveLength(3);
        expect(state.x.every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('explains each problem and keeps the good fields', () => {
    const { state, problems } = decodeState(schema, 'w1:abc,act:tanh,zz:1,b:99,x:1_2,grid:1');
    expect(state).toEqual({ ...defaultsOf(schema), b: 10 });
    expect(problems).toEqual([
      'w1: "abc" is not a number; the default is used',
      'act: "tanh" is not one of step, sigmoid; the default is used',
      'unknown setting "zz"',
      'b: 99 is outside -10 … 10, so 10 is used',
      'x: expected 3 numbers, found 2; the default is used',
    ]);
  });

  it('rejects NaN, Infinity and prototype keys', () => {
    expect(decodeState(schema, 'w1:NaN').problems).toHaveLength(1);
    expect(decodeState(schema, 'w1:Infinity').problems).toHaveLength(1);
    expect(decodeState(schema, '__proto__:1,constructor:2').problems).toHaveLength(2);
  });

  it('clamps and rounds to the step without float noise', () => {
    expect(clampToField(schema.w1, 0.30000000000000004)).toBe(0.3);
    expect(clampToField(schema.w1, 7)).toBe(5);
    expect(clampToField(schema.b, 0.74)).toBe(0.5);
  });

  it('reads its own parameter from a query string', () => {
    expect(readState('perceptron', schema, '?perceptron=w1:1&other=x').state.w1).toBe(1);
    expect(readState('perceptron', schema, '?x=1').problems).toEqual([]);
  });
});

describe('locked and hidden controls in a link', () => {
  const sorted = (s: ReadonlySet<string>) => [...s].sort();

  it("reads this widget's entries and leaves other widgets' alone", () => {
    const a = readAccess('demo', schema, '?demo=w1:1&lock=demo.w1,other.w1,demo.b&hide=demo.act');
    expect(sorted(a.locked)).toEqual(['b', 'w1']);
    expect(sorted(a.hidden)).toEqual(['act']);
    expect(a.problems).toEqual([]);
  });

  it('hides rather than locks a field named in both lists, and * names every field', () => {
    const a = readAccess('demo', schema, '?lock=demo.*&hide=demo.grid');
    expect(sorted(a.hidden)).toEqual(['grid']);
    expect(sorted(a.locked)).toEqual(['act', 'b', 'w1', 'x']);
  });

  it('ignores tampered entries with a problem each, keeping the valid ones', () => {
    const a = readAccess('demo', schema, '?lock=demo.w1,demo.nope,%3Cscript%3E,demo&hide=');
    expect(sorted(a.locked)).toEqual(['w1']);
    expect(a.hidden.size).toBe(0);
    expect(a.problems).toHaveLength(3);
    expect(a.problems.join(' ')).toMatch(/no control "nope"/);
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        const a = readAccess('demo', schema, junk);
        for (const k of [...a.locked, ...a.hidden]) expect(Object.keys(schema)).toContain(k);
      }),
    );
    expect(readAccess('demo', schema, `?lock=${'demo.w1,'.repeat(400)}`).problems[0]).toMatch(/too long/);
    expect(readAccess('demo', schema, '?lock=demo.w1&lock=demo.b').problems[0]).toMatch(/given 2 times/);
  });

  it('writes a share query that reads back to the same state and access', () => {
    const state = { ...defaultsOf(schema), w1: -1.5, act: 'sigmoid' as const };
    const q = shareQuery('demo', encodeState(schema, state), {
      locked: new Set(['w1', 'act']),
      hidden: new Set(['act', 'b']),
    });
    expect(q).toBe('?demo=w1:-1.5,act:sigmoid&lock=demo.w1&hide=demo.act,demo.b');
    expect(readState('demo', schema, q).state).toEqual(state);
    const a = readAccess('demo', schema, q);
    expect(sorted(a.locked)).toEqual(['w1']);
    expect(sorted(a.hidden)).toEqual(['act', 'b']);
    expect(shareQuery('demo', '', { locked: new Set(), hidden: new Set() })).toBe('');
  });
});
