import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backup,
  clip,
  faultOf,
  parseJson,
  probeWrite,
  readText,
  reasonOf,
  removeKey,
  writeText,
  type StorageGetter,
} from './storage';

class FakeStorage {
  data = new Map<string, string>();
  full = false;
  blocked = false;
  getItem(k: string) {
    if (this.blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
    if (this.full) throw new DOMException('Quota exceeded', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    if (this.blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
    this.data.delete(k);
  }
}

describe('storage calls never throw', () => {
  it('reads, writes and removes', () => {
    const s = new FakeStorage();
    const get = () => s;
    expect(readText(get, 'k')).toEqual({ ok: true, value: null });
    expect(writeText(get, 'k', 'v')).toEqual({ ok: true });
    expect(readText(get, 'k')).toEqual({ ok: true, value: 'v' });
    expect(removeKey(get, 'k')).toEqual({ ok: true });
    expect(s.data.size).toBe(0);
  });
  it('blocked: the getter or any call throws SecurityError', () => {
    const throwing: StorageGetter = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(readText(throwing, 'k')).toMatchObject({ ok: false, fault: 'blocked', reason: 'SecurityError: denied' });
    expect(writeText(throwing, 'k', 'v')).toMatchObject({ ok: false, fault: 'blocked' });
    expect(removeKey(throwing, 'k')).toMatchObject({ ok: false, fault: 'blocked' });
    const s = new FakeStorage();
    s.blocked = true;
    expect(readText(() => s, 'k')).toMatchObject({ ok: false, fault: 'blocked' });
    expect(probeWrite(() => s, 'k')).toMatchObject({ ok: false, fault: 'blocked' });
  });
  it('full: setItem throws QuotaExceededError (and the legacy names and codes)', () => {
    const s = new FakeStorage();
    s.full = true;
    expect(writeText(() => s, 'k', 'v')).toMatchObject({ ok: false, fault: 'full', reason: /QuotaExceededError/ });
    expect(probeWrite(() => s, 'k')).toMatchObject({ ok: false, fault: 'full' });
    expect(faultOf({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('full');
    expect(faultOf({ code: 22 })).toBe('full');
    expect(faultOf(null)).toBe('blocked');
    expect(faultOf('string')).toBe('blocked');
  });
  it('a shim returning a non-string counts as absent', () => {
    const odd = { getItem: () => 42 as unknown as string, setItem() {}, removeItem() {} };
    expect(readText(() => odd, 'k')).toEqual({ ok: true, value: null });
  });
  it('reasons are short and never throw', () => {
    expect(reasonOf(new DOMException('x'.repeat(1000), 'QuotaExceededError')).length).toBeLessThanOrEqual(160);
    const hostile = {
      get name(): string {
        throw new Error('no');
      },
    };
    expect(reasonOf(hostile)).toBe('unknown error');
    expect(reasonOf(undefined)).toBe('Error: undefined');
  });
});

describe('backup', () => {
  it('copies the stored value to <key>.backup; keepExisting leaves an older backup', () => {
    const s = new FakeStorage();
    const get = () => s;
    expect(backup(get, 'k')).toEqual({ ok: true });
    expect(s.data.has('k.backup')).toBe(false);
    s.data.set('k', 'one');
    backup(get, 'k');
    expect(s.data.get('k.backup')).toBe('one');
    s.data.set('k', 'two');
    backup(get, 'k', true);
    expect(s.data.get('k.backup')).toBe('one');
    backup(get, 'k');
    expect(s.data.get('k.backup')).toBe('two');
    s.full = true;
    expect(backup(get, 'k')).toEqual({ ok: true }); // already holds it: nothing to write
    s.data.set('k', 'three');
    expect(backup(get, 'k')).toMatchObject({ ok: false, fault: 'full' });
  });
});

describe('parseJson', () => {
  it('drops prototype keys at every depth and returns objects without a prototype', () => {
    const r = parseJson('{"a":{"__proto__":{"polluted":1},"b":1},"constructor":{"prototype":{"x":1}},"prototype":2}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dropped.sort()).toEqual(['__proto__', 'constructor', 'prototype', 'prototype']);
    const v = r.value as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.getPrototypeOf(v.a)).toBeNull();
    expect(Object.keys(v)).toEqual(['a']);
    expect(v.a).toEqual({ b: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('keeps arrays and values; refuses bad JSON, huge text and deep nesting', () => {
    expect(parseJson('[1,"__proto__",{"k":null}]')).toMatchObject({ ok: true, value: [1, '__proto__', { k: null }] });
    expect(parseJson('{not json')).toMatchObject({ ok: false });
    expect(parseJson('x'.repeat(2_000_000))).toMatchObject({ ok: false, error: /too large/ });
    expect(parseJson(`${'['.repeat(100)}${']'.repeat(100)}`)).toMatchObject({ ok: false, error: /deeply/ });
    // Brackets inside strings do not count as nesting.
    expect(parseJson(JSON.stringify({ s: '[[[[[[[[[[[[[[[[[[[[[[[["\\' }))).toMatchObject({ ok: true });
  });
  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (text) => {
        const r = parseJson(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: 19, numRuns: 2000 },
    );
  });
});

describe('clip', () => {
  it('shortens and makes control characters visible', () => {
    expect(clip('a\u0000b\nc')).toBe('a?b?c');
    expect(clip('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
