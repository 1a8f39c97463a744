/**
 * The notebook's runner core: TypeScript in, output items out. Pure (no DOM, no Worker), so Vitest
 * drives it in Node; `runner.worker.ts` wraps it in a Web Worker for the page.
 *
 * How a cell runs:
 * 1. sucrase strips the types (it keeps every line where it was, so lines in errors are the reader's);
 * 2. `rewriteTopLevel` turns top-level `const`/`let`/`class` into `var`, exports top-level functions
 *    and replaces `import { … } from 'feedforward'` by a read of the engine;
 * 3. the code runs as the body of an async function (so top-level `await` works) inside
 *    `with (env)`, where `env` is a Proxy over the notebook's one scope object: a top-level `var`
 *    stores its value there, and a name a cell does not declare is looked up there — so the cells
 *    of a page share one scope, in the order they are run, as in a notebook.
 */
import { transform } from 'sucrase';
import { CellSyntaxError, lineColumnAt, rewriteTopLevel } from './scan.ts';

/** The state the cells of one page share. `restart` is simply a new scope. */
export interface NotebookScope {
  values: Record<string, unknown>;
}

export function createScope(): NotebookScope {
  return { values: Object.create(null) as Record<string, unknown> };
}

/** Marks a cell may draw (Observable Plot's mark functions of the same names). */
export const PLOT_MARKS = ['dot', 'line', 'lineX', 'lineY', 'cell', 'rect', 'ruleX', 'ruleY', 'areaY', 'barX', 'barY', 'text', 'tickX', 'tickY', 'frame', 'gridX', 'gridY'] as const;
export type PlotMarkName = (typeof PLOT_MARKS)[number];

export interface PlotMarkSpec {
  mark: PlotMarkName;
  data: unknown[] | null;
  options: Record<string, unknown>;
}
export interface PlotSpec {
  /** What the chart shows, in a sentence (its accessible name). */
  alt: string;
  marks: PlotMarkSpec[];
  /** Other Observable Plot options (x, y, color, width, height, grid, …): plain data only. */
  options: Record<string, unknown>;
}

/** What a cell can put in its output area. Everything is plain data (it crosses postMessage). */
export type OutputItem =
  | { kind: 'text'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][]; caption?: string }
  | { kind: 'plot'; spec: PlotSpec }
  | { kind: 'tex'; tex: string; display: boolean }
  | { kind: 'check'; ok: boolean; message: string }
  | { kind: 'error'; error: CellError };

export interface CellError {
  name: string;
  message: string;
  /** 1-based line in the reader's cell, when known. */
  line?: number;
  column?: number;
  /** The text of that line. */
  source?: string;
}

export interface CellIO {
  emit(item: OutputItem): void;
}

/** A task's check: looks at what the cell left in the scope, compares it with the engine. */
export type CheckFn = (values: Record<string, unknown>, engine: Record<string, unknown>) => { ok: boolean; message: string } | Promise<{ ok: boolean; message: string }>;

export interface RunOptions {
  /** Names the cell in stack traces (`cell-<id>.ts:line:col`). */
  cellId: string;
  /** What `import … from 'feedforward'` gives: the engine's exports. */
  engine: Record<string, unknown>;
  /** Run after the cell succeeded. */
  check?: CheckFn;
}

export interface RunResult {
  ok: boolean;
  error?: CellError;
  /** Wall time of the run, ms. */
  ms: number;
}

/** At most this many output items per run; the rest are counted and dropped. */
export const MAX_OUTPUT_ITEMS = 300;

/** TypeScript → the JavaScript that runs (types gone, top level rewritten, same lines). */
export function transpileCell(code: string): { js: string; functions: string[]; declared: string[] } {
  let js: string;
  try {
    js = transform(code, { transforms: ['typescript'], keepUnusedImports: true, disableESTransforms: true }).code;
  } catch (err) {
    const e = err as Error & { loc?: { line: number; column: number } };
    const message = e.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
    throw new CellSyntaxError(message, e.loc?.line ?? 1, (e.loc?.column ?? 0) + 1);
  }
  const rewritten = rewriteTopLevel(js, '__nbEngine');
  return { js: rewritten.code, functions: rewritten.functions, declared: rewritten.declared };
}

const HEADER = '(async function (__nbScope, __nbEngine, __nbEnv) { with (__nbEnv) { ';

/** Runs one cell's TypeScript in the shared scope; output goes to `io`. Never throws. */
export async function runCell(code: string, scope: NotebookScope, io: CellIO, options: RunOptions): Promise<RunResult> {
  const t0 = now();
  const cellId = options.cellId.replace(/[^\w-]/g, '_');
  const lines = code.split('\n');
  const fail = (error: CellError): RunResult => {
    if (error.line && lines[error.line - 1] !== undefined) error.source = lines[error.line - 1];
    io.emit({ kind: 'error', error });
    return { ok: false, error, ms: now() - t0 };
  };

  let compiled: ReturnType<typeof transpileCell>;
  try {
    compiled = transpileCell(code);
  } catch (err) {
    if (err instanceof CellSyntaxError) return fail({ name: 'SyntaxError', message: err.message, line: err.line, column: err.column });
    return fail({ name: 'Error', message: String((err as Error)?.message ?? err) });
  }

  let emitted = 0;
  let dropped = 0;
  const limitedIO: CellIO = {
    emit(item) {
      if (emitted < MAX_OUTPUT_ITEMS) {
        emitted++;
        io.emit(item);
      } else dropped++;
    },
  };
  const builtins = createBuiltins(limitedIO);
  for (const name of compiled.declared) if (!(name in scope.values)) scope.values[name] = undefined;
  const env = createEnv(scope, builtins);

  const exports = compiled.functions.map((f) => `__nbScope.values[${JSON.stringify(f)}] = ${f};`).join(' ');
  const source = `${HEADER}${exports}${compiled.js}\n} })\n//# sourceURL=cell-${cellId}.ts`;
  let fn: (scope: NotebookScope, engine: Record<string, unknown>, env: object) => Promise<unknown>;
  try {
    fn = (0, eval)(source) as typeof fn;
  } catch (err) {
    // The engine found a syntax error sucrase let through; V8 does not say where.
    const e = err as Error;
    return fail({ name: e.name || 'SyntaxError', message: e.message });
  }

  try {
    await fn(scope, options.engine, env);
  } catch (err) {
    flushDropped(io, dropped);
    return fail(describeError(err, cellId, HEADER.length + exports.length + 1));
  }
  if (options.check) {
    try {
      const verdict = await options.check(scope.values, options.engine);
      limitedIO.emit({ kind: 'check', ok: verdict.ok, message: verdict.message });
    } catch (err) {
      limitedIO.emit({ kind: 'check', ok: false, message: `The check could not run: ${(err as Error)?.message ?? String(err)}` });
    }
  }
  flushDropped(io, dropped);
  return { ok: true, ms: now() - t0 };
}

function flushDropped(io: CellIO, dropped: number) {
  if (dropped > 0) io.emit({ kind: 'text', level: 'warn', text: `… ${dropped} more output item${dropped === 1 ? '' : 's'} not shown (a cell shows at most ${MAX_OUTPUT_ITEMS}).` });
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Name, message and the line in the cell (from the `cell-<id>.ts:line:col` frame of the stack). */
export function describeError(err: unknown, cellId: string, firstLineOffset: number): CellError {
  if (!(err instanceof Error)) return { name: 'Error', message: `The cell threw a value that is not an Error: ${formatValue(err)}` };
  const out: CellError = { name: err.name || 'Error', message: err.message };
  const match = new RegExp(`cell-${cellId}\\.ts:(\\d+):(\\d+)`).exec(err.stack ?? '');
  if (match) {
    out.line = Number(match[1]);
    out.column = Number(match[2]) - (out.line === 1 ? firstLineOffset - 1 : 0);
  }
  return out;
}

function createEnv(scope: NotebookScope, builtins: Record<string, unknown>): object {
  return new Proxy(Object.create(null) as object, {
    has(_target, key) {
      if (typeof key !== 'string' || key.startsWith('__nb')) return false;
      return key in scope.values || key in builtins || !(key in globalThis);
    },
    get(_target, key) {
      if (typeof key !== 'string') return undefined; // Symbol.unscopables
      if (key in scope.values) return scope.values[key];
      if (key in builtins) return builtins[key];
      throw new ReferenceError(`${key} is not defined`);
    },
    set(_target, key, value) {
      if (typeof key === 'string') scope.values[key] = value;
      return true;
    },
    deleteProperty(_target, key) {
      if (typeof key === 'string') delete scope.values[key];
      return true;
    },
  });
}

const NO_NETWORK = (what: string) => () => {
  throw new Error(`${what} is not available in a notebook cell: cells have no network access.`);
};

/** The names every cell can use without importing: console, plot, Plot, table, tex (and blocked network APIs). */
function createBuiltins(io: CellIO): Record<string, unknown> {
  const text = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => io.emit({ kind: 'text', level, text: args.map((a) => (typeof a === 'string' ? a : formatValue(a))).join(' ') });
  const table = (data: unknown, options: { caption?: string; columns?: string[] } = {}) => io.emit({ kind: 'table', ...toTable(data, options.columns), ...(options.caption ? { caption: options.caption } : {}) });
  const Plot = Object.fromEntries(
    PLOT_MARKS.map((mark) => [mark, (data?: unknown, options: Record<string, unknown> = {}) => {
      if (mark === 'frame' || mark === 'gridX' || mark === 'gridY') {
        if (data && typeof data === 'object' && !Array.isArray(data) && !ArrayBuffer.isView(data)) return { mark, data: null, options: plainData(data, `Plot.${mark} options`) };
      }
      return { mark, data: data == null ? null : toArray(data, `Plot.${mark} data`), options: plainData(options, `Plot.${mark} options`) } satisfies PlotMarkSpec;
    }]),
  );
  const plot = (spec: { marks?: unknown[]; alt?: string } & Record<string, unknown>) => {
    const { marks = [], alt, ...options } = spec ?? {};
    if (!Array.isArray(marks) || marks.some((m) => !m || typeof m !== 'object' || !(PLOT_MARKS as readonly string[]).includes((m as PlotMarkSpec).mark))) {
      throw new TypeError(`plot({ marks }) takes marks made with Plot.${PLOT_MARKS.slice(0, 4).join(', Plot.')} …`);
    }
    io.emit({ kind: 'plot', spec: { alt: typeof alt === 'string' && alt ? alt : 'A chart drawn by this cell.', marks: marks as PlotMarkSpec[], options: plainData(options, 'plot options') } });
  };
  const tex = (source: string, options: { display?: boolean } = {}) => io.emit({ kind: 'tex', tex: String(source), display: options.display ?? true });
  const console = { log: text('log'), info: text('info'), debug: text('log'), warn: text('warn'), error: text('error'), table };
  return {
    console,
    plot,
    Plot,
    table,
    tex,
    fetch: NO_NETWORK('fetch'),
    XMLHttpRequest: NO_NETWORK('XMLHttpRequest'),
    WebSocket: NO_NETWORK('WebSocket'),
    EventSource: NO_NETWORK('EventSource'),
    importScripts: NO_NETWORK('importScripts'),
    Worker: NO_NETWORK('Worker'),
  };
}

/** Arrays (typed arrays included) as plain arrays; anything else is refused with a clear message. */
function toArray(data: unknown, what: string): unknown[] {
  if (Array.isArray(data)) return data.map((d) => (ArrayBuffer.isView(d) ? Array.from(d as unknown as ArrayLike<number>) : d)).map((d) => plainData(d, what));
  if (ArrayBuffer.isView(data)) return Array.from(data as unknown as ArrayLike<number>);
  throw new TypeError(`${what} must be an array (of objects, numbers or [x, y] pairs)`);
}

/** Checks a value can cross postMessage as plain data (no functions); returns it. */
function plainData<T>(value: T, what: string, depth = 0): T {
  if (typeof value === 'function') throw new TypeError(`${what} must be plain data (field names, numbers, strings): functions cannot be sent to the page`);
  if (value && typeof value === 'object' && depth < 4 && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) plainData(v, what, depth + 1);
  }
  return value;
}

interface MatrixLike {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}
function isMatrixLike(v: unknown): v is MatrixLike {
  return !!v && typeof v === 'object' && typeof (v as MatrixLike).rows === 'number' && typeof (v as MatrixLike).cols === 'number' && ArrayBuffer.isView((v as MatrixLike).data);
}

/** Numbers in tables: up to 6 significant digits, exact integers as they are. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

function toTable(data: unknown, columns?: string[]): { columns: string[]; rows: string[][] } {
  const cell = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : formatValue(v));
  if (isMatrixLike(data)) {
    const cols = columns ?? Array.from({ length: data.cols }, (_, c) => String(c));
    const rows: string[][] = [];
    for (let r = 0; r < Math.min(data.rows, 200); r++) rows.push(Array.from({ length: data.cols }, (_, c) => cell(data.data[r * data.cols + c])));
    return { columns: cols, rows };
  }
  const list = ArrayBuffer.isView(data) ? Array.from(data as unknown as ArrayLike<number>) : data;
  if (Array.isArray(list)) {
    const rows = list.slice(0, 200);
    if (rows.every((r) => Array.isArray(r) || ArrayBuffer.isView(r))) {
      const width = Math.max(0, ...rows.map((r) => (r as ArrayLike<unknown>).length));
      return { columns: columns ?? Array.from({ length: width }, (_, c) => String(c)), rows: rows.map((r) => Array.from(r as ArrayLike<unknown>, cell)) };
    }
    if (rows.every((r) => r && typeof r === 'object')) {
      const keys = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
      return { columns: keys, rows: rows.map((r) => keys.map((k) => cell((r as Record<string, unknown>)[k]))) };
    }
    return { columns: columns ?? ['value'], rows: rows.map((r) => [cell(r)]) };
  }
  if (data && typeof data === 'object') {
    return { columns: columns ?? ['name', 'value'], rows: Object.entries(data).map(([k, v]) => [k, cell(v)]) };
  }
  return { columns: columns ?? ['value'], rows: [[cell(data)]] };
}

/** A readable one-value text, like a small console.log: matrices by rows, long arrays cut. */
export function formatValue(value: unknown, depth = 0, seen: Set<unknown> = new Set()): string {
  if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined || value === null || typeof value === 'boolean' || typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return `[Function ${value.name || '(anonymous)'}]`;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (isMatrixLike(value)) {
      const head = `Matrix ${value.rows}×${value.cols}`;
      if (depth > 1) return head;
      const shown = Math.min(value.rows, 8);
      const rows: string[] = [];
      for (let r = 0; r < shown; r++) {
        const row = Array.from({ length: Math.min(value.cols, 10) }, (_, c) => String(value.data[r * value.cols + c]));
        if (value.cols > 10) row.push(`… ${value.cols - 10} more`);
        rows.push(`  [${row.join(', ')}]`);
      }
      if (value.rows > shown) rows.push(`  … ${value.rows - shown} more rows`);
      return `${head} [\n${rows.join(',\n')}\n]`;
    }
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      const list = Array.from(value as unknown as ArrayLike<unknown>);
      const prefix = Array.isArray(value) ? '' : `${value.constructor.name}(${list.length}) `;
      if (depth > 2) return `${prefix}[…]`;
      const items = list.slice(0, 20).map((v) => formatValue(v, depth + 1, seen));
      if (list.length > 20) items.push(`… ${list.length - 20} more`);
      return `${prefix}[${items.join(', ')}]`;
    }
    if (value instanceof Map) return `Map(${value.size})`;
    if (value instanceof Set) return `Set(${value.size})`;
    const name = value.constructor && value.constructor !== Object ? `${value.constructor.name} ` : '';
    if (depth > 2) return `${name}{…}`;
    const entries = Object.entries(value).slice(0, 20).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${formatValue(v, depth + 1, seen)}`);
    return `${name}{ ${entries.join(', ')} }`.replace('{  }', '{}');
  } finally {
    seen.delete(value);
  }
}

export { CellSyntaxError, lineColumnAt };
