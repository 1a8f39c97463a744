/**
 * Random and hostile widget-link values for the link-decoding fuzz tests (issue 19): the unit
 * property test (`src/widgets/shared/url-state.fuzz.test.ts`) and the browser sample
 * (`tests/e2e/link-fuzz.spec.ts`) draw from the same generators.
 */
import fc from 'fast-check';
import type { Field, NumberField, NumberListField, Schema } from '../../src/widgets/shared/url-state';

export const DANGEROUS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
/** Values no field of any kind accepts as they are (each must produce a problem). */
export const GARBAGE = [
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

export function onGrid(field: NumberField | NumberListField, v: number): boolean {
  if (!Number.isFinite(v) || v < field.min || v > field.max) return false;
  const k = (v - field.min) / field.step;
  return Math.abs(k - Math.round(k)) < 1e-6 || v === field.max;
}

/** Every field present, of its kind, within its bounds/options; no other keys. */
export function insideSchema(schema: Schema, state: Record<string, unknown>): string[] {
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
export function validValue(field: Field): fc.Arbitrary<string> {
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
export function edgeValue(field: Field): fc.Arbitrary<string> {
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
export function hostileValue(field: Field): fc.Arbitrary<string> {
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

export const hostileKey = (schema: Schema) =>
  fc
    .oneof(fc.constantFrom(...DANGEROUS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }))
    .filter((k) => k.length > 0 && !k.includes(',') && !k.includes(':') && !Object.hasOwn(schema, k));

/** A link value with its `hostile` flag: true when at least one pair must be reported. */
export function linkValue(schema: Schema): fc.Arbitrary<{ text: string; hostile: boolean }> {
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

/** Link values that must each produce a visible notice (at least one bad pair). */
export const hostileLink = (schema: Schema): fc.Arbitrary<string> =>
  linkValue(schema)
    .filter((v) => v.hostile && v.text.length <= 2000)
    .map((v) => v.text);
