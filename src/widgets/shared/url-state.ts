/**
 * Widget state ⇄ a compact URL parameter. Every widget describes its state with a schema; the
 * schema gives defaults, bounds and validation, and the same state encodes into a short,
 * readable query value such as `?perceptron=w1:0.5,b:-1,act:sigmoid` (only fields that differ
 * from the defaults are written). Share links (issue 8) are built on this.
 *
 * Decoding never throws: unknown keys, garbage values and out-of-range numbers are dropped or
 * clamped, and each problem is reported so the widget can show a visible notice.
 */

export interface NumberField {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** Values are rounded to this step (also the slider's step). */
  step: number;
}
export interface ChoiceField<T extends string = string> {
  kind: 'choice';
  default: T;
  options: readonly T[];
}
export interface BooleanField {
  kind: 'boolean';
  default: boolean;
}
export interface NumberListField {
  kind: 'numbers';
  default: readonly number[];
  min: number;
  max: number;
  step: number;
  /**
   * Lists of varying length (e.g. the hidden-layer sizes of a network): the lengths a link may
   * give. Without them a list must have exactly the default's length. An empty list encodes as `key:`.
   */
  minLength?: number;
  maxLength?: number;
}
export type Field = NumberField | ChoiceField | BooleanField | NumberListField;
export type Schema = Record<string, Field>;

/** The state a schema describes: numbers, choice strings, booleans and number lists. */
export type StateOf<S extends Schema> = {
  [K in keyof S]: S[K] extends NumberField
    ? number
    : S[K] extends ChoiceField<infer T>
      ? T
      : S[K] extends BooleanField
        ? boolean
        : S[K] extends NumberListField
          ? number[]
          : never;
};

export interface Decoded<S extends Schema> {
  state: StateOf<S>;
  /** Human-readable problems met while decoding; empty when the value was clean. */
  problems: string[];
}

export function defaultsOf<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema))
    out[key] = field.kind === 'numbers' ? [...field.default] : field.default;
  return out as StateOf<S>;
}

/** Clamp to [min, max] and round to the field's step (keeping float noise out of the URL). */
export function clampToField(field: NumberField | NumberListField, value: number): number {
  const clamped = Math.min(field.max, Math.max(field.min, value));
  const stepped = Math.round((clamped - field.min) / field.step) * field.step + field.min;
  const decimals = decimalsOf(field.step);
  return Number(Math.min(field.max, stepped).toFixed(decimals));
}

function decimalsOf(step: number): number {
  const text = String(step);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  return text.includes('.') ? text.split('.')[1]!.length : 0;
}

function formatNumber(x: number): string {
  // Shortest form that round-trips: 0.5 not 0.50, -1 not -1.0
  return String(Number(x.toPrecision(12)));
}

/** Encode the fields that differ from their defaults, in schema order. */
export function encodeState<S extends Schema>(schema: S, state: StateOf<S>): string {
  const parts: string[] = [];
  for (const [key, field] of Object.entries(schema)) {
    const value = (state as Record<string, unknown>)[key];
    switch (field.kind) {
      case 'number':
        if (value !== field.default) parts.push(`${key}:${formatNumber(value as number)}`);
        break;
      case 'choice':
        if (value !== field.default) parts.push(`${key}:${value as string}`);
        break;
      case 'boolean':
        if (value !== field.default) parts.push(`${key}:${value ? 1 : 0}`);
        break;
      case 'numbers': {
        const list = value as number[];
        if (list.length !== field.default.length || list.some((v, i) => v !== field.default[i])) {
          parts.push(`${key}:${list.map(formatNumber).join('_')}`);
        }
        break;
      }
    }
  }
  return parts.join(',');
}

/** Decode a URL value; anything unusable falls back to the default for that field, with a problem noted. */
export function decodeState<S extends Schema>(schema: S, text: string | null | undefined): Decoded<S> {
  const state = defaultsOf(schema) as Record<string, unknown>;
  const problems: string[] = [];
  if (text == null || text === '') return { state: state as StateOf<S>, problems };
  if (text.length > 2000)
    return { state: state as StateOf<S>, problems: ['the link is too long to be a widget setting'] };
  const seen = new Set<string>();
  for (const pair of text.split(',')) {
    if (!pair) continue;
    const colon = pair.indexOf(':');
    const key = colon < 0 ? pair : pair.slice(0, colon);
    const raw = colon < 0 ? '' : pair.slice(colon + 1);
    const field = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
    if (!field) {
      problems.push(`unknown setting "${truncate(key)}"`);
      continue;
    }
    if (seen.has(key)) {
      problems.push(`"${key}" is given twice; the first is used`);
      continue;
    }
    seen.add(key);
    const result = decodeField(field, raw);
    if (result.ok) {
      state[key] = result.value;
      if (result.note) problems.push(`${key}: ${result.note}`);
    } else {
      problems.push(`${key}: ${result.note}; the default is used`);
    }
  }
  return { state: state as StateOf<S>, problems: capped(problems) };
}

/** At most `MAX_PROBLEMS` problems, then how many more (a notice stays readable whatever the link). */
const MAX_PROBLEMS = 8;
function capped(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), `and ${more} more ${more === 1 ? 'problem' : 'problems'}`];
}

type FieldResult = { ok: true; value: unknown; note?: string | undefined } | { ok: false; note: string };

function decodeNumber(field: NumberField | NumberListField, raw: string): FieldResult {
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw)) return { ok: false, note: `"${truncate(raw)}" is not a number` };
  const x = Number(raw);
  if (!Number.isFinite(x)) return { ok: false, note: `"${truncate(raw)}" is not a finite number` };
  const value = clampToField(field, x);
  const outside = x < field.min || x > field.max;
  return outside
    ? { ok: true, value, note: `${truncate(raw)} is outside ${field.min} … ${field.max}, so ${value} is used` }
    : { ok: true, value };
}

function decodeField(field: Field, raw: string): FieldResult {
  switch (field.kind) {
    case 'number':
      return decodeNumber(field, raw);
    case 'choice':
      return field.options.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, note: `"${truncate(raw)}" is not one of ${field.options.join(', ')}` };
    case 'boolean':
      return raw === '1' || raw === '0'
        ? { ok: true, value: raw === '1' }
        : { ok: false, note: `"${truncate(raw)}" is not 0 or 1` };
    case 'numbers': {
      const items = raw === '' && field.minLength !== undefined ? [] : raw.split('_');
      const fewest = field.minLength ?? field.default.length;
      const most = field.maxLength ?? field.default.length;
      if (items.length < fewest || items.length > most) {
        const expected = fewest === most ? `${fewest}` : `${fewest} to ${most}`;
        return { ok: false, note: `expected ${expected} numbers, found ${items.length}` };
      }
      const values: number[] = [];
      const notes: string[] = [];
      for (const item of items) {
        const r = decodeNumber(field, item);
        if (!r.ok) return r;
        values.push(r.value as number);
        if (r.note) notes.push(r.note);
      }
      if (!notes.length) return { ok: true, value: values };
      const note =
        notes.length === 1
          ? notes[0]
          : `${notes.length} numbers are outside ${field.min} … ${field.max}, so the nearest allowed values are used`;
      return { ok: true, value: values, note };
    }
  }
}

function truncate(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}

/** Read a widget's state from a query string (`location.search`). */
export function readState<S extends Schema>(name: string, schema: S, search: string): Decoded<S> {
  let value: string | null = null;
  try {
    value = new URLSearchParams(search).get(name);
  } catch {
    return { state: defaultsOf(schema), problems: ['the address could not be read'] };
  }
  return decodeState(schema, value);
}

/*
 * Locked and hidden controls (share links for a class, issue 8). Next to a widget's state, a link
 * may name controls that the reader cannot change (`lock`) or does not see (`hide`), as
 * `<widget>.<field>` entries, comma-separated; `<widget>.*` names every field of that widget:
 *
 *   ?perceptron=w1:0.5,b:-1&lock=perceptron.w1,perceptron.b&hide=perceptron.lr
 *
 * One `lock` and one `hide` list serve every widget on the page; each widget reads only the
 * entries with its own name. A field both locked and hidden is hidden. Like the state, reading
 * never throws: unreadable or unknown entries are ignored, each noted as a problem (the widget shows
 * a notice), and the valid entries still apply.
 */

export interface FieldAccess {
  locked: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
}

export interface DecodedAccess extends FieldAccess {
  problems: string[];
}

export const NO_ACCESS_LIMITS: FieldAccess = { locked: new Set(), hidden: new Set() };

const ENTRY = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Za-z0-9_]+|\*)$/;
const MAX_LIST = 1000;

function readList(
  name: string,
  schema: Schema,
  what: 'lock' | 'hide',
  values: string[],
  problems: string[],
): Set<string> {
  const out = new Set<string>();
  if (values.length > 1) problems.push(`"${what}" is given ${values.length} times; only the first is used`);
  const text = values[0];
  if (text == null || text === '') return out;
  if (text.length > MAX_LIST) {
    problems.push(
      `the "${what}" list is too long to be read, so no control is ${what === 'lock' ? 'locked' : 'hidden'}`,
    );
    return out;
  }
  for (const entry of text.split(',')) {
    if (!entry) continue;
    const m = ENTRY.exec(entry);
    if (!m) {
      problems.push(`"${truncate(entry)}" in the ${what} list is not a <widget>.<control> name`);
      continue;
    }
    const [, widget, field] = m as unknown as [string, string, string];
    if (widget !== name) continue; // another widget's entry
    if (field === '*') {
      for (const key of Object.keys(schema)) out.add(key);
    } else if (Object.prototype.hasOwnProperty.call(schema, field)) {
      out.add(field);
    } else {
      problems.push(`this widget has no control "${truncate(field)}" to ${what}`);
    }
  }
  return out;
}

/** Read which of a widget's controls a link locks or hides (`location.search`). Never throws. */
export function readAccess(name: string, schema: Schema, search: string): DecodedAccess {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { locked: new Set(), hidden: new Set(), problems: ['the address could not be read'] };
  }
  const problems: string[] = [];
  const hidden = readList(name, schema, 'hide', params.getAll('hide'), problems);
  const locked = readList(name, schema, 'lock', params.getAll('lock'), problems);
  for (const key of hidden) locked.delete(key);
  return { locked, hidden, problems: capped(problems) };
}

/**
 * The query string of a share link for one widget: its state (if not all defaults) and the
 * controls to lock and hide, e.g. `?perceptron=w1:0.5&lock=perceptron.w1`. Empty when nothing is set.
 */
export function shareQuery(name: string, encodedState: string, access: FieldAccess): string {
  const params: string[] = [];
  if (encodedState)
    params.push(`${name}=${encodeURIComponent(encodedState).replace(/%3A/gi, ':').replace(/%2C/gi, ',')}`);
  const list = (keys: ReadonlySet<string>) => [...keys].map((k) => `${name}.${k}`).join(',');
  const hidden = new Set(access.hidden);
  const locked = new Set([...access.locked].filter((k) => !hidden.has(k)));
  if (locked.size) params.push(`lock=${list(locked)}`);
  if (hidden.size) params.push(`hide=${list(hidden)}`);
  return params.length ? `?${params.join('&')}` : '';
}
