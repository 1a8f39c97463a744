/**
 * Every value the site keeps in the browser (exercise progress, notebook edits, presenter state,
 * the theme choice) goes through these few functions, so that the same rules hold everywhere:
 *
 * - storage can fail — blocked (reading `localStorage` or calling it throws, e.g. SecurityError)
 *   or full (QuotaExceededError) — and no call here ever throws: each returns what happened;
 * - a stored value is read before it is written (callers merge), and a value the page could not
 *   use is copied to `<key>.backup` before anything destructive replaces it;
 * - stored JSON is parsed into objects without a prototype, with the keys `__proto__`,
 *   `constructor` and `prototype` dropped (and reported), so a record can never reach
 *   `Object.prototype` however it was written.
 *
 * Pure: the storage is passed in as a getter (`() => window.localStorage` in the page), so the
 * rules are unit-tested with a fake.
 */

/** The part of the Web Storage API the site uses. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
/** Where values are kept; getting it may itself throw (blocked storage). */
export type StorageGetter = () => StorageLike;

export type StorageFault = 'blocked' | 'full';

export const BACKUP_SUFFIX = '.backup';
/** Keys that would reach an object's prototype chain; always dropped from stored records. */
export const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The browser's storage for this page, or a getter that throws when there is none (SSR, tests). */
export const localStore: StorageGetter = () => window.localStorage;
export const sessionStore: StorageGetter = () => window.sessionStorage;

/** Which of the two failures an exception from the Storage API means. */
export function faultOf(err: unknown): StorageFault {
  const e = err as { name?: unknown; code?: unknown } | null;
  if (!e || typeof e !== 'object') return 'blocked';
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014
    ? 'full'
    : 'blocked';
}

/** A short, readable reason for a failure ("QuotaExceededError: …"), at most 160 characters. */
export function reasonOf(err: unknown): string {
  let text: string;
  try {
    const e = err as { name?: unknown; message?: unknown } | null;
    const name = e && typeof e === 'object' && typeof e.name === 'string' ? e.name : 'Error';
    const message = e && typeof e === 'object' && typeof e.message === 'string' ? e.message : String(err);
    text = message && message !== name ? `${name}: ${message}` : name;
  } catch {
    text = 'unknown error';
  }
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

export type ReadResult = { ok: true; value: string | null } | { ok: false; fault: StorageFault; reason: string };
export type WriteResult = { ok: true } | { ok: false; fault: StorageFault; reason: string };

function failed(err: unknown): { ok: false; fault: StorageFault; reason: string } {
  return { ok: false, fault: faultOf(err), reason: reasonOf(err) };
}

/** Read one value (`null` when absent). A non-string from a broken shim counts as absent. */
export function readText(storage: StorageGetter, key: string): ReadResult {
  try {
    const value: unknown = storage().getItem(key);
    return { ok: true, value: typeof value === 'string' ? value : null };
  } catch (err) {
    return failed(err);
  }
}

export function writeText(storage: StorageGetter, key: string, value: string): WriteResult {
  try {
    storage().setItem(key, value);
    return { ok: true };
  } catch (err) {
    return failed(err);
  }
}

export function removeKey(storage: StorageGetter, key: string): WriteResult {
  try {
    storage().removeItem(key);
    return { ok: true };
  } catch (err) {
    return failed(err);
  }
}

/**
 * Copy the value stored under `key` to `<key>.backup` (nothing to do when there is no value or the
 * backup already holds it). With `keepExisting`, an existing different backup is left alone (used
 * when a damaged record is found on load: an older backup may be the better copy).
 */
export function backup(storage: StorageGetter, key: string, keepExisting = false): WriteResult {
  const current = readText(storage, key);
  if (!current.ok) return current;
  if (current.value === null) return { ok: true };
  const previous = readText(storage, key + BACKUP_SUFFIX);
  if (!previous.ok) return previous;
  if (previous.value === current.value) return { ok: true };
  if (keepExisting && previous.value !== null) return { ok: true };
  return writeText(storage, key + BACKUP_SUFFIX, current.value);
}

/** Check that writing works at all (a tiny value under `<key>:probe`, removed again). */
export function probeWrite(storage: StorageGetter, key: string): WriteResult {
  const w = writeText(storage, `${key}:probe`, '1');
  if (!w.ok) return w;
  return removeKey(storage, `${key}:probe`);
}

export type JsonResult = { ok: true; value: unknown; dropped: string[] } | { ok: false; error: string };

/**
 * `JSON.parse` for stored or imported records: objects come back without a prototype
 * (`Object.create(null)`), dangerous keys are dropped and listed in `dropped`, and text longer than
 * `maxChars` or nested deeper than `maxDepth` is refused. Never throws.
 */
export function parseJson(text: string, maxChars = 1_000_000, maxDepth = 16): JsonResult {
  if (typeof text !== 'string') return { ok: false, error: 'not text' };
  if (text.length > maxChars) return { ok: false, error: `too large (${text.length} characters)` };
  // Depth check before parsing (JSON.parse recursion on hostile nesting could exhaust the stack).
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return { ok: false, error: 'nested too deeply' };
    } else if (c === 125 || c === 93) depth--;
  }
  const dropped: string[] = [];
  try {
    const value: unknown = JSON.parse(text, function (this: unknown, key: string, v: unknown) {
      if (DANGEROUS_KEYS.has(key) && this !== null && typeof this === 'object' && !Array.isArray(this)) {
        dropped.push(key);
        return undefined;
      }
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const clean = Object.create(null) as Record<string, unknown>;
        for (const k of Object.keys(v)) clean[k] = (v as Record<string, unknown>)[k];
        return clean;
      }
      return v;
    });
    return { ok: true, value, dropped };
  } catch (err) {
    return { ok: false, error: reasonOf(err) };
  }
}

/** A plain record (object, not array, not null) — as `parseJson` returns them. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Shorten user text for a notice ("__proto__", a 5 000-character id, …). */
export function clip(text: string, max = 40): string {
  let plain = '';
  for (const ch of text.slice(0, max + 1)) {
    const c = ch.codePointAt(0)!;
    plain += c < 32 || c === 127 ? '?' : ch;
  }
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
