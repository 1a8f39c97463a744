import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '@lib';
import vm from 'node:vm';
import { runCell, type OutputItem } from './run-cell';
import { CHECKS } from './checks';

/**
 * Runs every tutorial as a reader would after solving every task: each cell in order in one scope,
 * with the task cells replaced by their solutions. No cell may fail and every check must pass; and
 * the task cells as given must NOT pass their checks (the tasks are not already solved).
 *
 * Training cells run for `const epochs = …` epochs; here that is cut to 30 (the cells' code is the
 * same) so the test stays fast. FULL_TUTORIALS=1 runs them as written.
 */
const dir = join(process.cwd(), 'content/tutorials');
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

const shorten = (code: string) =>
  process.env.FULL_TUTORIALS ? code : code.replace(/^const epochs = \d+;$/m, 'const epochs = 30;');

interface ParsedCell {
  id: string;
  check?: string | undefined;
  code: string;
  solution?: string;
}

export function parseTutorial(mdx: string): ParsedCell[] {
  const cells: ParsedCell[] = [];
  for (const m of mdx.matchAll(/<Cell ([^>]*)>\s*```ts\n([\s\S]*?)\n```\s*<\/Cell>/g)) {
    const attrs = m[1]!;
    const id = /id="([^"]+)"/.exec(attrs)![1]!;
    const check = /check="([^"]+)"/.exec(attrs)?.[1];
    cells.push({ id, check, code: shorten(m[2]!) });
  }
  for (const m of mdx.matchAll(/<Solution for="([^"]+)">\s*```ts\n([\s\S]*?)\n```\s*<\/Solution>/g)) {
    const cell = cells.find((c) => c.id === m[1]);
    if (!cell) throw new Error(`Solution for unknown cell ${m[1]}`);
    cell.solution = shorten(m[2]!);
  }
  return cells;
}

const lib = engine as unknown as Record<string, unknown>;

/** A fresh global scope for one notebook, as a new worker gives the page. */
function testRealm() {
  const context = vm.createContext({});
  // Browsers name eval'd code by its `//# sourceURL`; Node's vm wants the name as an option.
  const evaluate = (source: string) =>
    vm.runInContext(source, context, { filename: /\/\/# sourceURL=(\S+)/.exec(source)?.[1] });
  return { global: context as Record<string, unknown>, evaluate };
}

describe.each(files)('tutorial %s', (file) => {
  const cells = parseTutorial(readFileSync(join(dir, file), 'utf8'));

  it('has cells, unique ids, known checks, and a solution for every checked task', () => {
    expect(cells.length).toBeGreaterThan(4);
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
    for (const c of cells) {
      if (c.check) {
        expect(CHECKS, `check ${c.check}`).toHaveProperty([c.check]);
        expect(c.solution, `solution for ${c.id}`).toBeDefined();
      }
    }
  });

  it('runs from top to bottom with the solutions, every check passing', async () => {
    const scope = testRealm();
    for (const cell of cells) {
      const items: OutputItem[] = [];
      const result = await runCell(
        cell.solution ?? cell.code,
        scope,
        { emit: (i) => items.push(i) },
        { cellId: cell.id, engine: lib, check: cell.check ? CHECKS[cell.check] : undefined },
      );
      const problems = items.filter(
        (i) => i.kind === 'error' || (i.kind === 'check' && !i.ok) || (i.kind === 'text' && i.level !== 'log'),
      );
      expect(problems, `cell ${cell.id}`).toEqual([]);
      expect(result.ok).toBe(true);
      if (cell.check) expect(items.filter((i) => i.kind === 'check')).toHaveLength(1);
      if (process.env.SHOW_TUTORIAL)
        console.log(
          cell.id,
          Math.round(result.ms),
          'ms',
          items
            .filter((i) => i.kind === 'text')
            .map((i) => (i as { text: string }).text)
            .join(' | ')
            .slice(0, 600),
        );
    }
  }, 60_000);

  it('gives tasks that are not solved yet: each task cell as given fails its check', async () => {
    const scope = testRealm();
    for (const cell of cells) {
      if (!cell.check) {
        await runCell(cell.code, scope, { emit: () => {} }, { cellId: cell.id, engine: lib });
        continue;
      }
      const items: OutputItem[] = [];
      await runCell(
        cell.code,
        scope,
        { emit: (i) => items.push(i) },
        { cellId: cell.id, engine: lib, check: CHECKS[cell.check] },
      );
      expect(
        items.find((i) => i.kind === 'check'),
        `task ${cell.id}`,
      ).toMatchObject({ ok: false });
      // Then put the solution in, as the reader eventually does, so later cells can be set up.
      await runCell(cell.solution!, scope, { emit: () => {} }, { cellId: cell.id, engine: lib });
    }
  }, 60_000);
});
