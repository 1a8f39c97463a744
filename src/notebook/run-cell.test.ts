import { describe, expect, it, vi } from 'vitest';
import * as engine from '@lib';
import vm from 'node:vm';
import { runCell, transpileCell, type OutputItem } from './run-cell';
import { tokenize } from './scan';

const lib = engine as unknown as Record<string, unknown>;

/** A fresh global scope for one notebook, as a new worker gives the page. */
function testRealm() {
  const context = vm.createContext({});
  // Browsers name eval'd code by its `//# sourceURL`; Node's vm wants the name as an option.
  const evaluate = (source: string) =>
    vm.runInContext(source, context, { filename: /\/\/# sourceURL=(\S+)/.exec(source)?.[1] });
  return { global: context as Record<string, unknown>, evaluate };
}

/** Runs cells in order in one scope; returns every output item per cell and the results. */
async function notebook(...cells: string[]) {
  const scope = testRealm();
  const runs: { items: OutputItem[]; ok: boolean }[] = [];
  for (const [i, code] of cells.entries()) {
    const items: OutputItem[] = [];
    const result = await runCell(code, scope, { emit: (item) => items.push(item) }, { cellId: `c${i}`, engine: lib });
    runs.push({ items, ok: result.ok });
  }
  return { scope, runs };
}
const texts = (items: OutputItem[]) => items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));

describe('transpile', () => {
  it('strips types and keeps every line where it was', () => {
    const ts = 'interface P { a: number }\nconst x: number = 1;\nfunction f(p: P): number {\n  return p.a;\n}\n';
    const { js, functions, declared } = transpileCell(ts);
    expect(js.split('\n')).toHaveLength(ts.split('\n').length);
    expect(js.split('\n')[1]).toBe('var x = 1;');
    expect(functions).toEqual(['f']);
    expect(declared).toContain('x');
  });

  it('turns an engine import into a read of the engine, on the same line', () => {
    const { js, declared } = transpileCell(
      "import {\n  Matrix,\n  softmax as engineSoftmax,\n} from 'feedforward';\nconst y = 2;",
    );
    expect(js.split('\n')[0]).toBe('var { Matrix, softmax: engineSoftmax } = __nbEngine;');
    expect(js.split('\n')[4]).toBe('var y = 2;');
    expect(declared).toEqual(expect.arrayContaining(['Matrix', 'engineSoftmax', 'y']));
  });

  it('leaves braces and keywords inside strings, templates, comments and regexes alone', () => {
    const toks = tokenize('const s = `a ${ {b: 1}.b } { c`; // { const\nconst r = /[{]/g; /* } */ let t = "{"');
    const top = toks.filter((t) => t.depth === 0 && t.kind === 'name').map((t) => t.value);
    expect(top).toEqual(['const', 's', 'const', 'r', 'let', 't']);
  });

  it('does not rewrite declarations inside blocks and functions', () => {
    const { js } = transpileCell('function f() {\n  const a = 1;\n  return a;\n}\nfor (let i = 0; i < 2; i++) {}');
    expect(js).toContain('const a = 1');
    expect(js).toContain('for (let i = 0');
  });
});

describe('run', () => {
  it('shares top-level names between cells, in order, and later cells see reassignments', async () => {
    const { runs, scope } = await notebook(
      'let count: number = 1;\nconst double = (n: number) => n * 2;\nfunction triple(n: number) { return n * 3; }\nclass Box { constructor(public v: number) {} }',
      'count = double(count) + triple(2);\nconsole.log(count, new Box(4).v);',
      'count += 1;',
      'console.log(count);',
    );
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(texts(runs[1]!.items)).toEqual(['8 4']);
    expect(texts(runs[3]!.items)).toEqual(['9']);
    expect(scope.global.count).toBe(9);
  });

  it('gives cells the engine through import, and refuses other modules with the line', async () => {
    const { runs } = await notebook(
      "import { softmax, Matrix } from 'feedforward';\nconst p = softmax(Matrix.from([[2, 2, 2, 2]]));\nconsole.log(p.toArray()[0]);",
      "const a = 1;\nimport { x } from 'lodash';",
      "const m = await import('./evil.js');",
    );
    expect(texts(runs[0]!.items)).toEqual(['[0.25, 0.25, 0.25, 0.25]']);
    const refused = runs[1]!.items.find((i) => i.kind === 'error');
    expect(refused).toMatchObject({ error: { line: 2, message: expect.stringMatching(/only the course engine/) } });
    expect(runs[2]!.items.find((i) => i.kind === 'error')).toMatchObject({
      error: { line: 1, message: expect.stringMatching(/import\(\)/) },
    });
  });

  it('reports a syntax error with the line in the cell', async () => {
    const { runs } = await notebook('const a = 1;\nconst b = 2;\nconst c = (a + ;\n');
    const err = runs[0]!.items.find((i) => i.kind === 'error');
    expect(err).toMatchObject({ error: { name: 'SyntaxError', line: 3, source: 'const c = (a + ;' } });
  });

  it('reports a run-time error with its message and the line that threw', async () => {
    const { runs } = await notebook(
      "import { Matrix } from 'feedforward';\nconst m = Matrix.zeros(2, 2);\n\nm.get(5, 0);",
    );
    const err = runs[0]!.items.find((i) => i.kind === 'error');
    expect(err).toMatchObject({
      error: { name: 'Error', line: 4, source: 'm.get(5, 0);', message: expect.stringMatching(/outside a 2×2 matrix/) },
    });
    expect(runs[0]!.ok).toBe(false);
  });

  it('names an undefined variable as a ReferenceError on its line', async () => {
    const { runs } = await notebook('const a = 1;\nconsole.log(a + missingName);');
    expect(runs[0]!.items.at(-1)).toMatchObject({
      error: { name: 'ReferenceError', line: 2, message: 'missingName is not defined' },
    });
  });

  it('keeps what ran before an error, as a notebook does', async () => {
    const { runs } = await notebook('const kept = 5;\nthrow new Error("stop");', 'console.log(kept);');
    expect(texts(runs[1]!.items)).toEqual(['5']);
  });

  it('lets a function of an earlier cell see what a later cell redefines, as a notebook does', async () => {
    const { runs } = await notebook(
      'function activate(z: number) { return z; }\nfunction layer(z: number) { return activate(z) * 2; }',
      'function activate(z: number) { return Math.max(z, 0); }',
      'console.log(layer(-3), layer(3));',
    );
    expect(texts(runs[2]!.items)).toEqual(['0 6']);
  });

  it('explains that top-level await is not available', async () => {
    const { runs } = await notebook('const v = await Promise.resolve(7);');
    expect(runs[0]!.items[0]).toMatchObject({
      kind: 'error',
      error: { message: expect.stringMatching(/only allowed inside an async function/) },
    });
  });

  it('blocks the network from cells', async () => {
    const { runs } = await notebook("fetch('https://example.com');");
    expect(runs[0]!.items.at(-1)).toMatchObject({
      error: { line: 1, message: expect.stringMatching(/no network access/) },
    });
  });
});

describe('output protocol', () => {
  it('formats console.log values: matrices by rows, typed arrays with their length', async () => {
    const { runs } = await notebook(
      "import { Matrix } from 'feedforward';\nconsole.log(Matrix.from([[1, 2], [3, 4.5]]));\nconsole.log(new Float64Array([0.5, 1]), { a: [1, 'x'] });\nconsole.warn('careful');",
    );
    expect(runs[0]!.items).toEqual([
      { kind: 'text', level: 'log', text: 'Matrix 2×2 [\n  [1, 2],\n  [3, 4.5]\n]' },
      { kind: 'text', level: 'log', text: 'Float64Array(2) [0.5, 1] { a: [1, "x"] }' },
      { kind: 'text', level: 'warn', text: 'careful' },
    ]);
  });

  it('makes tables from objects, arrays and matrices, numbers to 6 significant digits', async () => {
    const { runs } = await notebook(
      "import { Matrix } from 'feedforward';\ntable([{ epoch: 1, loss: 1 / 3 }, { epoch: 2, loss: 0.25 }]);\ntable(Matrix.from([[1, 2]]), { caption: 'W' });",
    );
    expect(runs[0]!.items).toEqual([
      {
        kind: 'table',
        columns: ['epoch', 'loss'],
        rows: [
          ['1', '0.333333'],
          ['2', '0.25'],
        ],
      },
      { kind: 'table', columns: ['0', '1'], rows: [['1', '2']], caption: 'W' },
    ]);
  });

  it('sends plot specs and TeX as plain data, and refuses functions in plot options', async () => {
    const { runs } = await notebook(
      "plot({ alt: 'Two points', marks: [Plot.dot([{ x: 1, y: 2 }, { x: 3, y: 4 }], { x: 'x', y: 'y' })], grid: true });\ntex('\\\\alpha = 0.1');",
      'plot({ marks: [Plot.line([1, 2], { x: (d: number) => d })] });',
    );
    expect(runs[0]!.items).toEqual([
      {
        kind: 'plot',
        spec: {
          alt: 'Two points',
          marks: [
            {
              mark: 'dot',
              data: [
                { x: 1, y: 2 },
                { x: 3, y: 4 },
              ],
              options: { x: 'x', y: 'y' },
            },
          ],
          options: { grid: true },
        },
      },
      { kind: 'tex', tex: '\\alpha = 0.1', display: true },
    ]);
    expect(runs[1]!.items[0]).toMatchObject({
      kind: 'error',
      error: { line: 1, message: expect.stringMatching(/plain data/) },
    });
  });

  it('runs a check after the cell and reports its verdict', async () => {
    const scope = testRealm();
    const items: OutputItem[] = [];
    const check = (values: Record<string, unknown>) => ({
      ok: values.answer === 42,
      message: values.answer === 42 ? 'Right.' : 'Not yet.',
    });
    await runCell('const answer = 41;', scope, { emit: (i) => items.push(i) }, { cellId: 'q', engine: lib, check });
    await runCell('const answer = 42;', scope, { emit: (i) => items.push(i) }, { cellId: 'q', engine: lib, check });
    expect(items).toEqual([
      { kind: 'check', ok: false, message: 'Not yet.' },
      { kind: 'check', ok: true, message: 'Right.' },
    ]);
  });

  it('caps the output of a chatty cell and says how much it dropped', async () => {
    const { runs } = await notebook('for (let i = 0; i < 1000; i++) console.log(i);');
    expect(runs[0]!.items).toHaveLength(301);
    expect(runs[0]!.items.at(-1)).toMatchObject({
      kind: 'text',
      level: 'warn',
      text: expect.stringMatching(/700 more/),
    });
  });
});

describe('timers', () => {
  it('a cell’s timers die with it: timeouts, intervals and frames it set are cancelled when its run ends', async () => {
    vi.useFakeTimers({
      toFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'requestAnimationFrame',
        'cancelAnimationFrame',
      ],
    });
    try {
      // The realm's timers, as a worker has them; animation frames count their ids apart, so a
      // frame and an interval can have the same id.
      let lastFrame = 0;
      const frames = new Map<number, ReturnType<typeof setTimeout>>();
      const context = vm.createContext({
        setTimeout,
        clearTimeout,
        setInterval,
        clearInterval,
        requestAnimationFrame: (fn: () => void) => {
          frames.set(++lastFrame, setTimeout(fn, 16));
          return lastFrame;
        },
        cancelAnimationFrame: (id: number) => clearTimeout(frames.get(id)),
      });
      const realm = {
        global: context as Record<string, unknown>,
        evaluate: (source: string) => vm.runInContext(source, context),
      };
      const items: OutputItem[] = [];
      const io = { emit: (item: OutputItem) => items.push(item) };
      await runCell(
        'var ticks = 0;\nsetInterval(() => { ticks++; console.log("tick"); }, 1);\nsetTimeout(() => { ticks += 100; }, 0);\nrequestAnimationFrame(() => { ticks += 1000; });',
        realm,
        io,
        { cellId: 'a', engine: lib },
      );
      vi.advanceTimersByTime(1000);
      expect(context.ticks).toBe(0);
      expect(items).toEqual([]);
      const run = await runCell('console.log(ticks);', realm, io, { cellId: 'b', engine: lib });
      expect(run.ok).toBe(true);
      expect(items).toEqual([{ kind: 'text', level: 'log', text: '0' }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
