/**
 * The notebook's runner core: TypeScript in, output items out. Pure (no DOM, no Worker), so Vitest
 * drives it in Node; `runner.worker.ts` wraps it in a Web Worker for the page.
 *
 * How a cell runs:
 * 1. sucrase strips the types (it keeps every line where it was, so lines in errors are the reader's);
 * 2. `rewriteTopLevel` turns top-level `const`/`let`/`class` into `var` and replaces
 *    `import { … } from 'feedforward'` by a read of the engine (again on the same lines);
 * 3. the code runs as a script at the global level of a realm (the worker's own global scope; a
 *    `vm` context in tests), so its top-level `var`s and functions become globals that the cells run
 *    after it see, and see live (a function of cell 6 calls the `softmax` that cell 4 defines *now*)
 *    — as in a notebook. Globals are also fast: a reader's training loop runs at the engine's speed.
 *
 * A top-level `await` is therefore not available (a script is not a module): wrap such code in an
 * async function. Restart is a fresh realm: the page terminates the worker and starts another.
 */
import { transform } from 'sucrase';
import { CellSyntaxError, lineColumnAt, rewriteTopLevel } from './scan.ts';
import { sig } from '../util/format.ts';

/** Where cells run: a global object and a way to run a script at its top level. */
export interface CellRealm {
  global: Record<string, unknown>;
  evaluate(source: string): unknown;
}

/** The realm of the current global scope (the worker's); indirect eval runs at the global level. */
export function globalRealm(): CellRealm {
  return { global: globalThis as unknown as Record<string, unknown>, evaluate: (source) => (0, eval)(source) };
}

/** Marks a cell may draw (Observable Plot's mark functions of the same names). */
export const PLOT_MARKS = [
  'dot',
  'line',
  'lineX',
  'lineY',
  'cell',
  'rect',
  'ruleX',
  'ruleY',
  'areaY',
  'barX',
  'barY',
  'text',
  'tickX',
  'tickY',
  'frame',
  'gridX',
  'gridY',
] as const;
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
  source?: string | undefined;
}

export interface CellIO {
  emit(item: OutputItem): void;
}

/** A task's check: looks at what the cells left in the scope, compares it with the engine. */
export type CheckFn = (
  values: Record<string, unknown>,
  engine: Record<string, unknown>,
) => { ok: boolean; message: string } | Promise<{ ok: boolean; message: string }>;

export interface RunOptions {
  /** Names the cell in stack traces (`cell-<id>.ts:line:col`). */
  cellId: string;
  /** What `import … from 'feedforward'` gives: the engine's exports. */
  engine: Record<string, unknown>;
  /** Run after the cell succeeded. */
  check?: CheckFn | undefined;
  /**
   * Say in an output item how many items the cap held back (default). The worker turns this off
   * and sends the count in its `done` message instead, so that the page's own cap counts it.
   */
  summariseDropped?: boolean;
}

export interface RunResult {
  ok: boolean;
  error?: CellError;
  /** Wall time of the run, ms. */
  ms: number;
  /** Output items held back by the cap. */
  dropped: number;
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

/** The output sink of the cell running now in each realm (the built-ins write to it). */
const sinks = new WeakMap<object, { io: CellIO }>();

/**
 * Puts the names every cell can use without importing onto the realm's global object once:
 * console, plot, Plot, table, tex — and functions that refuse the network in place of fetch & co.
 */
export function installBuiltins(realm: CellRealm, engine: Record<string, unknown>): void {
  if (sinks.has(realm.global)) return;
  installTimers(realm);
  const sink = { io: { emit() {} } as CellIO };
  sinks.set(realm.global, sink);
  const builtins = createBuiltins({ emit: (item) => sink.io.emit(item) });
  for (const [name, value] of Object.entries({ ...builtins, __nbEngine: engine })) {
    try {
      Object.defineProperty(realm.global, name, { value, writable: true, configurable: true, enumerable: false });
    } catch {
      realm.global[name] = value;
    }
  }
}

/** The timers each realm's cells have set and that have not fired or been cleared yet. */
const liveTimers = new WeakMap<object, { cancelAll(): void }>();

/**
 * A cell's timers die with it. A cell's run ends when its code has returned (and its check, if
 * any, has given its verdict); at that moment every `setTimeout`, `setInterval` and
 * `requestAnimationFrame` it set that has not fired yet is cancelled. (Code of a later cell can
 * still call a function an earlier cell defined: it is the timers that end, not the scope.)
 * The realm's timer functions are replaced by ones that keep count, once, before any cell runs.
 */
function installTimers(realm: CellRealm): void {
  if (liveTimers.has(realm.global)) return;
  const g = realm.global as Record<string, unknown>;
  type Schedule = (fn: unknown, ms?: number, ...args: unknown[]) => unknown;
  type Cancel = (id: unknown) => void;
  const pairs: [string, string][] = [
    ['setTimeout', 'clearTimeout'],
    ['setInterval', 'clearInterval'],
    ['requestAnimationFrame', 'cancelAnimationFrame'],
  ];
  // One set of ids per kind: a timeout and an animation frame may have the same number.
  const kinds: { live: Set<unknown>; cancel: Cancel }[] = [];
  const replace: Record<string, unknown> = {};
  for (const [setName, clearName] of pairs) {
    const set = g[setName] as Schedule | undefined;
    const clear = g[clearName] as Cancel | undefined;
    if (typeof set !== 'function' || typeof clear !== 'function') continue;
    const once = setName !== 'setInterval';
    const live = new Set<unknown>();
    const cancel: Cancel = (id) => {
      live.delete(id);
      Reflect.apply(clear, g, [id]);
    };
    kinds.push({ live, cancel });
    replace[setName] = function (fn: unknown, ...rest: unknown[]) {
      let id: unknown = undefined;
      const wrapped =
        typeof fn === 'function'
          ? (...args: unknown[]) => {
              if (once) live.delete(id);
              return Reflect.apply(fn as (...a: unknown[]) => unknown, undefined, args);
            }
          : fn;
      id = Reflect.apply(set, g, [wrapped, ...rest]);
      live.add(id);
      return id;
    };
    replace[clearName] = cancel;
  }
  for (const [name, value] of Object.entries(replace)) {
    // On the global and on its prototypes, so that `delete setTimeout` does not bring the original back.
    for (let o: object | null = g; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
      if (o !== g && !Object.prototype.hasOwnProperty.call(o, name)) continue;
      try {
        Object.defineProperty(o, name, { value, writable: true, configurable: true, enumerable: false });
      } catch {
        // left as it is
      }
    }
  }
  liveTimers.set(realm.global, {
    cancelAll() {
      for (const { live, cancel } of kinds) for (const id of [...live]) cancel(id);
    },
  });
}

/** Cancels the timers cells have left behind in this realm. */
export function endRunTimers(realm: CellRealm): void {
  liveTimers.get(realm.global)?.cancelAll();
}

/** Runs one cell's TypeScript in the realm; output goes to `io`. Never throws. */
export async function runCell(code: string, realm: CellRealm, io: CellIO, options: RunOptions): Promise<RunResult> {
  const t0 = now();
  const cellId = options.cellId.replace(/[^\w-]/g, '_');
  const lines = code.split('\n');
  const fail = (error: CellError): RunResult => {
    if (error.line && lines[error.line - 1] !== undefined) error.source = lines[error.line - 1];
    io.emit({ kind: 'error', error });
    return { ok: false, error, ms: now() - t0, dropped };
  };
  let dropped = 0;

  let compiled: ReturnType<typeof transpileCell>;
  try {
    compiled = transpileCell(code);
  } catch (err) {
    if (err instanceof CellSyntaxError)
      return fail({ name: 'SyntaxError', message: err.message, line: err.line, column: err.column });
    return fail({ name: 'Error', message: String((err as Error)?.message ?? err) });
  }

  try {
    installBuiltins(realm, options.engine);
  } catch (err) {
    return fail({
      name: 'Error',
      message: `The runner could not set up the cell's built-ins: ${(err as Error)?.message ?? String(err)}`,
    });
  }
  let emitted = 0;
  const sink = sinks.get(realm.global)!;
  sink.io = {
    emit(item) {
      if (emitted < MAX_OUTPUT_ITEMS) {
        emitted++;
        io.emit(item);
      } else dropped++;
    },
  };

  const source = `${compiled.js}\n//# sourceURL=cell-${cellId}.ts`;
  const summarise = options.summariseDropped ?? true;
  try {
    try {
      realm.evaluate(source);
    } catch (err) {
      if (summarise) flushDropped(io, dropped);
      const error = describeError(err, cellId);
      if (error.name === 'SyntaxError' && /await is only valid/.test(error.message)) {
        error.message = 'A cell runs as a script, not a module, so `await` is only allowed inside an async function.';
      }
      return fail(error);
    }
    if (options.check) {
      // The verdict is not held back by the cap: a chatty cell still learns whether it passed.
      try {
        const verdict = await options.check(realm.global, options.engine);
        io.emit({ kind: 'check', ok: Boolean(verdict.ok), message: String(verdict.message) });
      } catch (err) {
        io.emit({
          kind: 'check',
          ok: false,
          message: `The check could not run: ${(err as Error)?.message ?? String(err)}`,
        });
      }
    }
    if (summarise) flushDropped(io, dropped);
    return { ok: true, ms: now() - t0, dropped };
  } finally {
    // The run is over: output from anything the cell left behind goes nowhere, and its timers die.
    sink.io = { emit() {} };
    endRunTimers(realm);
  }
}

function flushDropped(io: CellIO, dropped: number) {
  if (dropped > 0)
    io.emit({
      kind: 'text',
      level: 'warn',
      text: `… ${dropped} more output item${dropped === 1 ? '' : 's'} not shown (a cell shows at most ${MAX_OUTPUT_ITEMS}).`,
    });
}

function isErrorLike(v: unknown): v is Error {
  return (
    !!v && typeof v === 'object' && typeof (v as Error).message === 'string' && typeof (v as Error).name === 'string'
  );
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Name, message and the line in the cell (from the `cell-<id>.ts:line:col` frame of the stack). */
export function describeError(err: unknown, cellId: string): CellError {
  // Duck-typed, not `instanceof Error`: the error may come from another realm (a vm context in tests).
  if (!isErrorLike(err))
    return { name: 'Error', message: `The cell threw a value that is not an Error: ${formatValue(err)}` };
  const out: CellError = { name: err.name || 'Error', message: err.message };
  const match = new RegExp(`cell-${cellId}\\.ts:(\\d+):(\\d+)`).exec(err.stack ?? '');
  if (match) {
    out.line = Number(match[1]);
    out.column = Number(match[2]);
  }
  return out;
}

/** What a cell could reach the network with; each is replaced by a function that refuses. */
export const NETWORK_APIS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
] as const;

const NO_NETWORK = (what: string) => () => {
  throw new Error(`${what} is not available in a notebook cell: cells have no network access.`);
};

/** The names every cell can use without importing: console, plot, Plot, table, tex (and blocked network APIs). */
function createBuiltins(io: CellIO): Record<string, unknown> {
  const text =
    (level: 'log' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      io.emit({ kind: 'text', level, text: args.map((a) => (typeof a === 'string' ? a : formatValue(a))).join(' ') });
  const table = (data: unknown, options: { caption?: string; columns?: string[] } = {}) =>
    io.emit({
      kind: 'table',
      ...toTable(data, options.columns),
      ...(options.caption ? { caption: options.caption } : {}),
    });
  const Plot = Object.fromEntries(
    PLOT_MARKS.map((mark) => [
      mark,
      (data?: unknown, options: Record<string, unknown> = {}) => {
        if (mark === 'frame' || mark === 'gridX' || mark === 'gridY') {
          if (data && typeof data === 'object' && !Array.isArray(data) && !ArrayBuffer.isView(data))
            return { mark, data: null, options: plainData(data, `Plot.${mark} options`) };
        }
        return {
          mark,
          data: data == null ? null : toArray(data, `Plot.${mark} data`),
          options: plainData(options, `Plot.${mark} options`),
        } satisfies PlotMarkSpec;
      },
    ]),
  );
  const plot = (spec: { marks?: unknown[]; alt?: string } & Record<string, unknown>) => {
    const { marks = [], alt, ...options } = spec ?? {};
    if (
      !Array.isArray(marks) ||
      marks.some(
        (m) => !m || typeof m !== 'object' || !(PLOT_MARKS as readonly string[]).includes((m as PlotMarkSpec).mark),
      )
    ) {
      throw new TypeError(`plot({ marks }) takes marks made with Plot.${PLOT_MARKS.slice(0, 4).join(', Plot.')} …`);
    }
    io.emit({
      kind: 'plot',
      spec: {
        alt: typeof alt === 'string' && alt ? alt : 'A chart drawn by this cell.',
        marks: marks as PlotMarkSpec[],
        options: plainData(options, 'plot options'),
      },
    });
  };
  const tex = (source: string, options: { display?: boolean } = {}) =>
    io.emit({ kind: 'tex', tex: String(source), display: options.display ?? true });
  const console = {
    log: text('log'),
    info: text('info'),
    debug: text('log'),
    warn: text('warn'),
    error: text('error'),
    table,
  };
  return {
    console,
    plot,
    Plot,
    table,
    tex,
    ...Object.fromEntries(NETWORK_APIS.map((name) => [name, NO_NETWORK(name)])),
  };
}

/** Arrays (typed arrays included) as plain arrays; anything else is refused with a clear message. */
function toArray(data: unknown, what: string): unknown[] {
  if (Array.isArray(data))
    return data
      .map((d) => (ArrayBuffer.isView(d) ? Array.from(d as unknown as ArrayLike<number>) : d))
      .map((d) => plainData(d, what));
  if (ArrayBuffer.isView(data)) return Array.from(data as unknown as ArrayLike<number>);
  throw new TypeError(`${what} must be an array (of objects, numbers or [x, y] pairs)`);
}

/** Checks a value can cross postMessage as plain data (no functions); returns it. */
function plainData<T>(value: T, what: string, depth = 0): T {
  if (typeof value === 'function')
    throw new TypeError(
      `${what} must be plain data (field names, numbers, strings): functions cannot be sent to the page`,
    );
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
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as MatrixLike).rows === 'number' &&
    typeof (v as MatrixLike).cols === 'number' &&
    ArrayBuffer.isView((v as MatrixLike).data)
  );
}

/** Numbers in tables: exact integers as they are (up to 10¹⁵), anything else to 6 significant digits, as readers write them. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x).replace('-', '−');
  return sig(x, 6);
}

function toTable(data: unknown, columns?: string[]): { columns: string[]; rows: string[][] } {
  const cell = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : formatValue(v));
  if (isMatrixLike(data)) {
    const cols = columns ?? Array.from({ length: data.cols }, (_, c) => String(c));
    const rows: string[][] = [];
    for (let r = 0; r < Math.min(data.rows, 200); r++)
      rows.push(Array.from({ length: data.cols }, (_, c) => cell(data.data[r * data.cols + c])));
    return { columns: cols, rows };
  }
  const list = ArrayBuffer.isView(data) ? Array.from(data as unknown as ArrayLike<number>) : data;
  if (Array.isArray(list)) {
    const rows = list.slice(0, 200);
    if (rows.every((r) => Array.isArray(r) || ArrayBuffer.isView(r))) {
      const width = Math.max(0, ...rows.map((r) => (r as ArrayLike<unknown>).length));
      return {
        columns: columns ?? Array.from({ length: width }, (_, c) => String(c)),
        rows: rows.map((r) => Array.from(r as ArrayLike<unknown>, cell)),
      };
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
  if (value === undefined || value === null || typeof value === 'boolean' || typeof value === 'symbol')
    return String(value);
  if (typeof value === 'function') return `[Function ${value.name || '(anonymous)'}]`;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (isErrorLike(value) && Object.prototype.toString.call(value) === '[object Error]')
      return `${value.name}: ${value.message}`;
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
    const tag = Object.prototype.toString.call(value);
    if (tag === '[object Map]' || tag === '[object Set]')
      return `${tag.slice(8, -1)}(${(value as Map<unknown, unknown>).size})`;
    const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
    const name = ctor && ctor !== 'Object' ? `${ctor} ` : '';
    if (depth > 2) return `${name}{…}`;
    const entries = Object.entries(value)
      .slice(0, 20)
      .map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${formatValue(v, depth + 1, seen)}`);
    return `${name}{ ${entries.join(', ')} }`.replace('{  }', '{}');
  } finally {
    seen.delete(value);
  }
}

export { CellSyntaxError, lineColumnAt };
