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
import { decodeState, encodeState, readAccess, readState, type Schema } from './url-state';
import { insideSchema, linkValue } from '../../../tests/fuzz/hostile-links';

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
