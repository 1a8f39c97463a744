/**
 * What the page accepts from the runner. The runner runs the reader's code, so the page treats
 * every message as untrusted: `parseFromWorker` checks its kind, fields, sizes and counts and
 * returns a fresh copy of plain data (or null); nothing of the original object reaches the DOM.
 * `RunOutputs` is the one output cap for a run, for every kind of output.
 */
import type { FromWorker } from './protocol';
import { MAX_OUTPUT_ITEMS, PLOT_MARKS, type CellError, type OutputItem, type PlotMarkSpec } from './run-cell';

export const LIMITS = {
  /** Characters in one text output, one error message, one check message. */
  text: 20_000,
  message: 5_000,
  name: 200,
  /** A table: columns, rows, characters per cell and in the caption. */
  columns: 100,
  rows: 200,
  cell: 1_000,
  caption: 500,
  /** A plot: marks, the accessible name. */
  marks: 30,
  alt: 1_000,
  /** TeX source. */
  tex: 5_000,
  /** Values (numbers, strings, entries) in one message's plain data, e.g. a plot's points. */
  values: 500_000,
  /** Nesting of plain data. */
  depth: 8,
  /** Characters of one string inside plain data. */
  string: 2_000,
  /** A run's id and a line number. */
  id: 2 ** 31,
} as const;

const LEVELS = ['log', 'info', 'warn', 'error'] as const;
const MARKS = new Set<string>(PLOT_MARKS);
/** Keys that could reach an object's prototype when copied. */
const BAD_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class Invalid extends Error {}
const fail = (why: string): never => {
  throw new Invalid(why);
};

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: unknown, max: number, what: string): string {
  if (typeof v !== 'string') fail(`${what} is not a string`);
  const s = v as string;
  return s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s;
}
function int(v: unknown, what: string, min = 0): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > LIMITS.id) fail(`${what} is not a valid number`);
  return v as number;
}
function bool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') fail(`${what} is not true or false`);
  return v as boolean;
}
function list(v: unknown, max: number, what: string): unknown[] {
  if (!Array.isArray(v)) fail(`${what} is not a list`);
  if ((v as unknown[]).length > max) fail(`${what} has more than ${max} entries`);
  return v as unknown[];
}

/** A deep copy of plain data (null, booleans, numbers, strings, dates, arrays, plain objects), within a budget. */
function plain(value: unknown, budget: { left: number }, depth = 0): unknown {
  if (--budget.left < 0) fail(`the data has more than ${LIMITS.values} values`);
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return str(value, LIMITS.string, 'a string');
  if (depth >= LIMITS.depth) fail(`the data is nested deeper than ${LIMITS.depth} levels`);
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    if (value.length > budget.left) fail(`the data has more than ${LIMITS.values} values`);
    return value.map((v) => plain(v, budget, depth + 1));
  }
  if (isRecord(value)) {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) fail('the data holds an object that is not plain');
    const out: Rec = {};
    for (const key of Object.keys(value)) {
      if (BAD_KEYS.has(key)) continue;
      Object.defineProperty(out, key, {
        value: plain(value[key], budget, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return fail(`the data holds a ${typeof value}`);
}

function cellError(v: unknown): CellError {
  if (!isRecord(v)) fail('the error is not an object');
  const e = v as Rec;
  const out: CellError = {
    name: str(e.name, LIMITS.name, 'error name'),
    message: str(e.message, LIMITS.message, 'error message'),
  };
  if (e.line !== undefined) out.line = int(e.line, 'error line', 1);
  if (e.column !== undefined) out.column = int(e.column, 'error column', 0);
  if (e.source !== undefined) out.source = str(e.source, LIMITS.cell, 'error source');
  return out;
}

/** One output item, checked and copied. Throws Invalid. */
export function parseItem(v: unknown): OutputItem {
  if (!isRecord(v)) return fail('the item is not an object');
  switch (v.kind) {
    case 'text': {
      const level = v.level as (typeof LEVELS)[number];
      if (!LEVELS.includes(level)) fail('unknown text level');
      return { kind: 'text', level, text: str(v.text, LIMITS.text, 'text') };
    }
    case 'table': {
      const columns = list(v.columns, LIMITS.columns, 'table columns').map((c) => str(c, LIMITS.cell, 'a column name'));
      const rows = list(v.rows, LIMITS.rows, 'table rows').map((row) =>
        list(row, LIMITS.columns, 'a table row').map((c) => str(c, LIMITS.cell, 'a table cell')),
      );
      return {
        kind: 'table',
        columns,
        rows,
        ...(v.caption !== undefined ? { caption: str(v.caption, LIMITS.caption, 'table caption') } : {}),
      };
    }
    case 'plot': {
      if (!isRecord(v.spec)) fail('the plot has no spec');
      const spec = v.spec as Rec;
      const budget = { left: LIMITS.values };
      const marks = list(spec.marks, LIMITS.marks, 'plot marks').map((m): PlotMarkSpec => {
        if (!isRecord(m) || typeof m.mark !== 'string' || !MARKS.has(m.mark)) fail('unknown plot mark');
        const mark = m as Rec;
        const data =
          mark.data === null ? null : (plain(list(mark.data, LIMITS.values, 'mark data'), budget) as unknown[]);
        if (!isRecord(mark.options)) fail('mark options are not an object');
        return { mark: mark.mark as PlotMarkSpec['mark'], data, options: plain(mark.options, budget) as Rec };
      });
      if (!isRecord(spec.options)) fail('plot options are not an object');
      return {
        kind: 'plot',
        spec: { alt: str(spec.alt, LIMITS.alt, 'plot alt'), marks, options: plain(spec.options, budget) as Rec },
      };
    }
    case 'tex': {
      const tex = v.tex;
      if (typeof tex !== 'string' || tex.length > LIMITS.tex)
        fail(`TeX must be a string of at most ${LIMITS.tex} characters`);
      return { kind: 'tex', tex: tex as string, display: bool(v.display, 'tex display') };
    }
    case 'check':
      return { kind: 'check', ok: bool(v.ok, 'check ok'), message: str(v.message, LIMITS.message, 'check message') };
    case 'error':
      return { kind: 'error', error: cellError(v.error) };
    default:
      return fail('unknown output kind');
  }
}

/** A message from the runner, checked and copied; null when it is not one the page understands. */
export function parseFromWorker(data: unknown): FromWorker | null {
  try {
    if (!isRecord(data)) return null;
    switch (data.type) {
      case 'ready':
        return { type: 'ready' };
      case 'output':
        return { type: 'output', id: int(data.id, 'run id', 1), item: parseItem(data.item) };
      case 'done': {
        const ms = data.ms;
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) fail('done: bad time');
        return {
          type: 'done',
          id: int(data.id, 'run id', 1),
          ok: bool(data.ok, 'done ok'),
          ms: ms as number,
          dropped: int(data.dropped ?? 0, 'dropped'),
        };
      }
      default:
        return null;
    }
  } catch (err) {
    if (err instanceof Invalid) return null;
    throw err;
  }
}

/**
 * The one output cap of a run, counted on the page for every kind: at most MAX_OUTPUT_ITEMS items
 * (text, tables, plots, TeX), plus the run's check verdict and its error report (one each).
 * Everything past that is counted and summed up in one line when the run ends.
 */
export class RunOutputs {
  shown = 0;
  dropped = 0;
  /** Messages that failed the schema. */
  rejected = 0;
  private check = false;
  private error = false;

  /** Whether to show this item. */
  accept(item: OutputItem): boolean {
    if (item.kind === 'check' || item.kind === 'error') {
      const seen = item.kind === 'check' ? this.check : this.error;
      if (seen) {
        this.dropped++;
        return false;
      }
      if (item.kind === 'check') this.check = true;
      else this.error = true;
      return true;
    }
    if (this.shown >= MAX_OUTPUT_ITEMS) {
      this.dropped++;
      return false;
    }
    this.shown++;
    return true;
  }

  /** The closing line for the run, if anything was held back. */
  summary(workerDropped: number): string | null {
    const parts: string[] = [];
    const more = this.dropped + workerDropped;
    if (more > 0)
      parts.push(
        `… ${more} more output item${more === 1 ? '' : 's'} not shown (a cell shows at most ${MAX_OUTPUT_ITEMS}).`,
      );
    if (this.rejected > 0)
      parts.push(
        `${this.rejected} message${this.rejected === 1 ? '' : 's'} from the runner could not be shown (not output this page understands).`,
      );
    return parts.length ? parts.join(' ') : null;
  }
}
