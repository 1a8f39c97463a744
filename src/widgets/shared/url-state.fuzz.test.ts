/**
 * Link-decoding fuzz (issue 19): for every widget of the registry and its schema, ≥ 1,000 random
 * and hostile link values (out-of-range, NaN, Infinity, 1e308, unicode, percent garbage, markup,
 * huge lists, prototype keys) decode without throwing to a state inside the schema, garbage is
 * always reported, and every decoded state re-encodes to a link that decodes cleanly to itself.
 * Seeded, so a failure is reproducible.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { widgets } from '../registry';
import {
  decodeState,
  encodeState,
  readAccess,
  readState,
  type Field,
  type NumberField,
  type NumberListField,
  type Schema,
} from './url-state';

const modules = import.meta.glob<Record<string, unknown>>('../*/state.ts', { eager: true });

function isSchema(x: unknown): x is Schema {
  return (
    !!x &&
    typeof x === 'object' &&
    Object.values(x).length > 0 &&
    Object.values(x).every((f) => !!f && typeof f === 'object' && 'kind' in f && 'default' in f)
  );
}

/** The widget's schema: the export of its `state.ts` named `…Schema`. */
function schemaOf(name: string): Schema {
  const mod = modules[`../${name}/state.ts`];
  if (!mod) throw new Error(`no state.ts for ${name}`);
  const found = Object.entries(mod).filter(([k, v]) => k.endsWith('Schema') && isSchema(v));
  if (found.length !== 1) throw new Error(`${name}: expected one schema export, found ${found.length}`);
  return found[0]![1] as Schema;
}

const RUNS = 1200;
const DANGEROUS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
/** Values no field of any kind accepts as they are (each must produce a problem). */
const GARBAGE = [
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e309',
  '9'.repeat(400),
  `${'9'.repeat(300)}.${'9'.repeat(1500)}`,
  '0x10',
  '1_000',
  '1,5'.replace(',', '.') + 'x',
  '--1',
  '+-1',
  '.',
  '-',
  'e5',
  '١٢٣',
  '１',
  '½',
  '∞',
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%2C',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '\u202e1',
  '\u0000',
  '💥',
];

function onGrid(field: NumberField | NumberListField, v: number): boolean {
  if (!Number.isFinite(v) || v < field.min || v > field.max) return false;
  const k = (v - field.min) / field.step;
  return Math.abs(k - Math.round(k)) < 1e-6 || v === field.max;
}

/** Every field present, of its kind, within its bounds/options; no other keys. */
function insideSchema(schema: Schema, state: Record<string, unknown>): string[] {
  const wrong: string[] = [];
  if (Object.getPrototypeOf(state) !== Object.prototype) wrong.push('state has an odd prototype');
  for (const key of Object.keys(state)) if (!Object.hasOwn(schema, key)) wrong.push(`extra key ${key}`);
  for (const [key, field] of Object.entries(schema) as [string, Field][]) {
    if (!Object.hasOwn(state, key)) {
      wrong.push(`${key} missing`);
      continue;
    }
    const v = state[key];
    switch (field.kind) {
      case 'number':
        if (typeof v !== 'number' || !onGrid(field, v))
          wrong.push(`${key}=${String(v)} outside ${field.min}…${field.max}`);
        break;
      case 'choice':
        if (typeof v !== 'string' || !field.options.includes(v)) wrong.push(`${key}=${String(v)} not an option`);
        break;
      case 'boolean':
        if (typeof v !== 'boolean') wrong.push(`${key} not a boolean`);
        break;
      case 'numbers': {
        const fewest = field.minLength ?? field.default.length;
        const most = field.maxLength ?? field.default.length;
        if (!Array.isArray(v) || v.length < fewest || v.length > most) wrong.push(`${key} has a wrong length`);
        else if (!v.every((x) => typeof x === 'number' && onGrid(field, x)))
          wrong.push(`${key}=${v.join('_')} outside`);
        break;
      }
    }
  }
  return wrong;
}

/** A value a field accepts (in range, on its grid, one of its options). */
function validValue(field: Field): fc.Arbitrary<string> {
  switch (field.kind) {
    case 'number':
    case 'numbers': {
      const steps = Math.round((field.max - field.min) / field.step);
      const one = fc
        .integer({ min: 0, max: steps })
        .map((i) => String(Number((field.min + i * field.step).toFixed(10))));
      if (field.kind === 'number') return one;
      const fewest = field.minLength ?? field.default.length;
      const most = field.maxLength ?? field.default.length;
      return fc.array(one, { minLength: fewest, maxLength: most }).map((xs) => xs.join('_'));
    }
    case 'choice':
      return fc.constantFrom(...field.options);
    case 'boolean':
      return fc.constantFrom('0', '1');
  }
}

/** Numbers near and past a field's bounds and grid (rounding, -0, tiny and float-noise values). */
function edgeValue(field: Field): fc.Arbitrary<string> {
  if (field.kind !== 'number' && field.kind !== 'numbers') return validValue(field);
  const span = field.max - field.min;
  const one = fc.oneof(
    fc.double({ min: field.min - span, max: field.max + span, noNaN: true }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc
      .tuple(fc.constantFrom(field.min, field.max), fc.constantFrom(-1, -0.5, -1e-9, 0, 1e-9, 0.5, 1))
      .map(([b, d]) => String(b + d * field.step)),
    fc.constantFrom('-0', '0e999', '1e-400', '-1e-400', '0.30000000000000004', '-.5', '5.', '1E2', '00001'),
  );
  if (field.kind === 'number') return one;
  const fewest = field.minLength ?? field.default.length;
  const most = field.maxLength ?? field.default.length;
  return fc.array(one, { minLength: fewest, maxLength: most }).map((xs) => xs.join('_'));
}

/** A value the field never accepts unchanged (so the decoder must report it). */
function hostileValue(field: Field): fc.Arbitrary<string> {
  const garbage = fc.oneof(
    fc.constantFrom(...GARBAGE),
    fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => `<${s}`),
    fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `%${s}`),
  );
  if (field.kind !== 'numbers') return garbage.filter((s) => !s.includes(','));
  const fewest = field.minLength ?? field.default.length;
  const most = field.maxLength ?? field.default.length;
  return fc
    .oneof(
      garbage,
      // Huge lists: far more numbers than the field takes.
      fc.integer({ min: most + 1, max: most + 400 }).map((n) => Array.from({ length: n }, (_, i) => i % 7).join('_')),
      // The right length, one item out of range or not a number.
      fc
        .tuple(fc.integer({ min: 0, max: Math.max(0, most - 1) }), fc.constantFrom('1e308', '-1e308', 'NaN', 'x'))
        .map(([at, bad]) =>
          Array.from({ length: Math.max(fewest, 1) }, (_, i) => (i === at % Math.max(fewest, 1) ? bad : '0')).join('_'),
        ),
    )
    .filter((s) => !s.includes(','));
}

const hostileKey = (schema: Schema) =>
  fc
    .oneof(fc.constantFrom(...DANGEROUS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }))
    .filter((k) => k.length > 0 && !k.includes(',') && !k.includes(':') && !Object.hasOwn(schema, k));

/** A link value with its `hostile` flag: true when at least one pair must be reported. */
function linkValue(schema: Schema): fc.Arbitrary<{ text: string; hostile: boolean }> {
  const keys = Object.keys(schema);
  const validPair = fc
    .constantFrom(...keys)
    .chain((k) => validValue(schema[k]!).map((v) => ({ text: `${k}:${v}`, hostile: false })));
  const badValuePair = fc
    .constantFrom(...keys)
    .chain((k) => hostileValue(schema[k]!).map((v) => ({ text: `${k}:${v}`, hostile: true })));
  const edgePair = fc
    .constantFrom(...keys)
    .chain((k) => edgeValue(schema[k]!).map((v) => ({ text: `${k}:${v}`, hostile: false })));
  const badKeyPair = fc
    .tuple(hostileKey(schema), fc.oneof(fc.constant(''), fc.constantFrom(...GARBAGE), fc.string({ maxLength: 10 })))
    .filter(([, v]) => !v.includes(','))
    .map(([k, v]) => ({ text: `${k}:${v}`, hostile: true }));
  const pairs = fc
    .array(fc.oneof({ weight: 2, arbitrary: validPair }, edgePair, badValuePair, badKeyPair), {
      minLength: 1,
      maxLength: 12,
    })
    .map((ps) => ({ text: ps.map((p) => p.text).join(','), hostile: ps.some((p) => p.hostile) }));
  const noise = fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.constantFrom('', ',', ',,,', ':', '::::', 'x'.repeat(2001), `${keys[0]}:`.repeat(500)),
    )
    .map((text) => ({ text, hostile: false }));
  return fc.oneof({ weight: 4, arbitrary: pairs }, noise);
}

describe('decoding hostile links, per widget', () => {
  for (const { name } of widgets) {
    it(`${name}: ${RUNS} random and hostile values decode inside the schema, never throw, garbage is reported`, () => {
      const schema = schemaOf(name);
      let decoded = 0;
      fc.assert(
        fc.property(linkValue(schema), ({ text, hostile }) => {
          const { state, problems } = decodeState(schema, text);
          decoded++;
          expect(insideSchema(schema, state as Record<string, unknown>)).toEqual([]);
          if (hostile) expect(problems.length).toBeGreaterThan(0);
          // The notice stays readable: short problems, at most 8 and a count of the rest.
          for (const p of problems) expect(p.length).toBeLessThan(300);
          expect(problems.length).toBeLessThanOrEqual(9);
          // The decoded state is a clean link of its own.
          const again = decodeState(schema, encodeState(schema, state));
          expect(again.problems).toEqual([]);
          expect(again.state).toEqual(state);
          // The same value inside an address, raw and percent-encoded, with lock/hide lists.
          for (const search of [
            `?${name}=${text}&lock=${text}&hide=${name}.${text}`,
            `?${encodeURIComponent(name)}=${encodeURIComponent(text)}&lock=${name}.*`,
          ]) {
            const read = readState(name, schema, search);
            expect(insideSchema(schema, read.state as Record<string, unknown>)).toEqual([]);
            expect(read.problems.length).toBeLessThanOrEqual(9);
            const access = readAccess(name, schema, search);
            expect(access.problems.length).toBeLessThanOrEqual(9);
            for (const k of [...access.locked, ...access.hidden]) expect(Object.hasOwn(schema, k)).toBe(true);
          }
        }),
        { seed: 19, numRuns: RUNS },
      );
      expect(decoded).toBeGreaterThanOrEqual(1000);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});
