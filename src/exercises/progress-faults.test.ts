/**
 * Saved progress under storage faults (issue 19): full, blocked, corrupt, another version, wrong
 * shape, prototype keys, huge values, two tabs. Nothing stored is ever lost or overwritten unread.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY, ProgressStore, parseProgress, storageKey, type ProgressRecord } from './progress';

const LECTURE = '02-feedforward';
const KEY = storageKey(LECTURE);
const BACKUP = `${KEY}.backup`;

/** A fake Storage: `full` makes every setItem throw QuotaExceededError, `blocked` every call throw. */
class FakeStorage {
  data = new Map<string, string>();
  full = false;
  blocked = false;
  private check() {
    if (this.blocked) throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
  }
  getItem(k: string) {
    this.check();
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.check();
    if (this.full) throw Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError', code: 22 });
    this.data.set(k, String(v));
  }
  removeItem(k: string) {
    this.check();
    this.data.delete(k);
  }
}

const ex = (p: Partial<typeof EMPTY>) => ({ ...EMPTY, ...p });
const saved = (exercises: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'feedforward-progress',
    version: 1,
    lecture: LECTURE,
    saved: '2026-11-25T10:00:00.000Z',
    exercises,
    ...extra,
  });
const storedExercises = (s: FakeStorage) => (JSON.parse(s.data.get(KEY)!) as ProgressRecord).exercises;
const exported = (store: ProgressStore) => (JSON.parse(store.exportText()) as ProgressRecord).exercises;

describe('full storage (QuotaExceededError on every write)', () => {
  it('shows the saved progress, keeps the stored record, says so, and exports old + new', () => {
    const storage = new FakeStorage();
    storage.data.set(KEY, saved({ 'why-nonlinear': ex({ attempts: 2, solved: true }) }));
    storage.full = true;
    const store = new ProgressStore(LECTURE, () => storage);
    expect(store.status).toBe('full');
    expect(store.reason).toMatch(/QuotaExceededError/);
    expect(store.get('why-nonlinear')).toEqual(ex({ attempts: 2, solved: true }));
    store.update('linear-sine-fit', (p) => ({ ...p, attempts: 1 }));
    expect(store.status).toBe('full');
    expect(Object.keys(storedExercises(storage))).toEqual(['why-nonlinear']);
    expect(exported(store)).toEqual({
      'why-nonlinear': ex({ attempts: 2, solved: true }),
      'linear-sine-fit': ex({ attempts: 1 }),
    });
    // Space again: the next write saves everything, the old exercise included.
    storage.full = false;
    store.update('linear-sine-fit', (p) => ({ ...p, solved: true }));
    expect(store.status).toBe('ok');
    expect(Object.keys(storedExercises(storage)).sort()).toEqual(['linear-sine-fit', 'why-nonlinear']);
  });
  it('refuses a reset or an import it cannot back up first', () => {
    const storage = new FakeStorage();
    const text = saved({ a: ex({ solved: true }) });
    storage.data.set(KEY, text);
    storage.full = true;
    const store = new ProgressStore(LECTURE, () => storage);
    expect(store.reset()).toMatchObject({ ok: false, error: /storage is full/ });
    expect(storage.data.get(KEY)).toBe(text);
    expect(store.get('a').solved).toBe(true);
    const other = parseProgress(saved({ b: ex({}) }), LECTURE);
    expect(other.ok && store.replace(other.record)).toMatchObject({ ok: false });
    expect(storage.data.get(KEY)).toBe(text);
  });
});

describe('blocked storage', () => {
  for (const [what, getter] of [
    [
      'the getter throws',
      () => {
        throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      },
    ],
    [
      'getItem throws',
      () => {
        const s = new FakeStorage();
        s.blocked = true;
        return s;
      },
    ],
  ] as const) {
    it(`${what}: works in memory, says so, exports what was done`, () => {
      const store = new ProgressStore(LECTURE, getter);
      expect(store.status).toBe('blocked');
      expect(store.reason).toMatch(/SecurityError/);
      store.update('a', (p) => ({ ...p, solved: true }));
      expect(store.get('a').solved).toBe(true);
      expect(store.status).toBe('blocked');
      expect(exported(store)).toEqual({ a: ex({ solved: true }) });
      expect(store.reset()).toEqual({ ok: true });
      expect(store.get('a')).toEqual(EMPTY);
    });
  }
});

describe('read before write, merge by exercise', () => {
  it('two tabs writing different exercises keep both', () => {
    const storage = new FakeStorage();
    const one = new ProgressStore(LECTURE, () => storage);
    const two = new ProgressStore(LECTURE, () => storage);
    one.update('a', (p) => ({ ...p, attempts: 3 }));
    two.update('b', (p) => ({ ...p, solved: true, attempts: 1 }));
    one.update('a', (p) => ({ ...p, hints: 1 }));
    expect(storedExercises(storage)).toEqual({
      a: ex({ attempts: 3, hints: 1 }),
      b: ex({ attempts: 1, solved: true }),
    });
  });
  it('the newest attempt wins per field (counts the larger, flags once set stay set)', () => {
    const storage = new FakeStorage();
    storage.data.set(KEY, saved({ a: ex({ attempts: 5, revealed: true }) }));
    storage.blocked = true;
    const store = new ProgressStore(LECTURE, () => storage); // could not read at first
    store.update('a', (p) => ({ ...p, attempts: p.attempts + 1, solved: true }));
    storage.blocked = false;
    store.update('b', (p) => ({ ...p, task: true }));
    expect(storedExercises(storage)).toEqual({
      a: ex({ attempts: 5, revealed: true, solved: true }),
      b: ex({ task: true }),
    });
  });
});

describe('records the page cannot read are never overwritten', () => {
  const cases: [string, string][] = [
    ['corrupt JSON', '{not json'],
    ['another version', saved({ a: ex({ solved: true }) }, { version: 2 })],
    ['an old version', saved({ a: ex({ solved: true }) }, { version: 0 })],
    ['wrong shape', saved({ a: { attempts: 'many', solved: true } })],
    ['another lecture', saved({ a: ex({}) }, { lecture: '03-other' })],
    ['not a record', '[1,2,3]'],
    ['huge', `${saved({ a: ex({}) })}${' '.repeat(300_000)}`],
    ['nested too deep', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['too many exercises', saved(Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`e${i}`, EMPTY])))],
  ];
  for (const [what, text] of cases) {
    it(`${what}: kept untouched and backed up, said, page works; reset backs up first`, () => {
      const storage = new FakeStorage();
      storage.data.set(KEY, text);
      const store = new ProgressStore(LECTURE, () => storage);
      expect(store.status).toBe('corrupt');
      expect(store.reason).toBeTruthy();
      expect(storage.data.get(BACKUP)).toBe(text);
      store.update('b', (p) => ({ ...p, solved: true }));
      expect(store.get('b').solved).toBe(true);
      expect(storage.data.get(KEY)).toBe(text);
      expect(exported(store)).toEqual({ b: ex({ solved: true }) });
      storage.data.set(BACKUP, 'an older backup');
      expect(store.reset()).toEqual({ ok: true });
      expect(storage.data.get(KEY)).toBeUndefined();
      expect(storage.data.get(BACKUP)).toBe(text);
      expect(store.status).toBe('ok');
    });
  }
  it('an older backup is not replaced by a damaged record found on load', () => {
    const storage = new FakeStorage();
    storage.data.set(KEY, '{not json');
    storage.data.set(BACKUP, saved({ a: ex({ solved: true }) }));
    new ProgressStore(LECTURE, () => storage);
    expect(storage.data.get(BACKUP)).toBe(saved({ a: ex({ solved: true }) }));
  });
  it('an import replaces the stored record only after a backup', () => {
    const storage = new FakeStorage();
    const text = saved({ a: ex({ solved: true }) });
    storage.data.set(KEY, text);
    const store = new ProgressStore(LECTURE, () => storage);
    const incoming = parseProgress(saved({ b: ex({ attempts: 1 }) }), LECTURE);
    expect(incoming.ok && store.replace(incoming.record)).toEqual({ ok: true });
    expect(storage.data.get(BACKUP)).toBe(text);
    expect(storedExercises(storage)).toEqual({ b: ex({ attempts: 1 }) });
  });
});

describe('prototype keys and malformed ids', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`"${key}" is dropped with a notice; the other exercises are kept; Object.prototype untouched`, () => {
      const storage = new FakeStorage();
      const text = `{"format":"feedforward-progress","version":1,"lecture":"${LECTURE}","saved":"2026-11-25T10:00:00.000Z","exercises":{"why-nonlinear":{"attempts":2,"solved":true,"revealed":false,"hints":0,"task":false},"${key}":{"attempts":1,"solved":true,"revealed":true,"hints":0,"task":true,"polluted":"yes"}}}`;
      storage.data.set(KEY, text);
      const store = new ProgressStore(LECTURE, () => storage);
      expect(store.status).toBe('ok');
      expect(store.notes.join(' ')).toContain(`“${key}”`);
      expect(store.get('why-nonlinear').solved).toBe(true);
      expect(store.get(key)).toEqual(EMPTY);
      expect(storage.data.get(BACKUP)).toBe(text);
      store.update('linear-sine-fit', (p) => ({ ...p, attempts: 1 }));
      expect(Object.keys(storedExercises(storage)).sort()).toEqual(['linear-sine-fit', 'why-nonlinear']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'solved')).toBe(false);
    });
  }
  it('a prototype key at the top of the record is dropped too', () => {
    const r = parseProgress(
      `{"__proto__":{"x":1},"format":"feedforward-progress","version":1,"lecture":"${LECTURE}","saved":"2026-11-25T10:00:00.000Z","exercises":{}}`,
      LECTURE,
    );
    expect(r).toMatchObject({ ok: true, dropped: ['__proto__'] });
  });
  it('ids that are not exercise ids (5 000 characters, markup, unicode) are dropped with a notice', () => {
    const storage = new FakeStorage();
    storage.data.set(KEY, saved({ ['x'.repeat(5000)]: ex({}), '<img src=x>': ex({}), ü: ex({}), ok: ex({}) }));
    const store = new ProgressStore(LECTURE, () => storage);
    expect(store.notes).toHaveLength(1);
    expect(store.notes[0]!.length).toBeLessThan(400);
    expect(Object.keys(store.record.exercises)).toEqual(['ok']);
  });
});

describe('garbage never throws', () => {
  it('any stored text: the store loads, works, and overwrites only records it read', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => saved({ a: v })),
          fc.dictionary(fc.string(), fc.jsonValue()).map((d) => saved(d)),
        ),
        (text) => {
          const storage = new FakeStorage();
          storage.data.set(KEY, text);
          const store = new ProgressStore(LECTURE, () => storage);
          store.update('b', (p) => ({ ...p, attempts: p.attempts + 1 }));
          expect(store.get('b').attempts).toBeGreaterThanOrEqual(1);
          if (store.status === 'corrupt') expect(storage.data.get(KEY)).toBe(text);
          else expect(storedExercises(storage).b).toBeDefined();
          expect(typeof store.exportText()).toBe('string');
        },
      ),
      { seed: 19, numRuns: 500 },
    );
  });
});
