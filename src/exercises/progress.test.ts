import { describe, expect, it } from 'vitest';
import {
  EMPTY,
  ProgressStore,
  exportFileName,
  parseProgress,
  storageKey,
  totals,
  type ProgressRecord,
} from './progress';

class MemoryStorage {
  data = new Map<string, string>();
  failWith: string | undefined;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWith) throw Object.assign(new Error(this.failWith), { name: this.failWith });
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const LECTURE = '02-feedforward';
const record = (exercises: ProgressRecord['exercises']): ProgressRecord => ({
  format: 'feedforward-progress',
  version: 1,
  lecture: LECTURE,
  saved: '2026-11-25T10:00:00.000Z',
  exercises,
});

describe('parseProgress', () => {
  it('reads a good record', () => {
    const r = record({ a: { attempts: 2, solved: true, revealed: false, hints: 1, task: false } });
    expect(parseProgress(JSON.stringify(r), LECTURE, ['a'])).toEqual({ ok: true, record: r, dropped: [] });
  });
  it('explains what is wrong with a bad file', () => {
    const err = (text: string, ids?: string[]) => {
      const r = parseProgress(text, LECTURE, ids);
      return r.ok ? '' : r.error;
    };
    expect(err('not json')).toMatch(/not valid JSON/);
    expect(err('[1,2]')).toMatch(/holds no record/);
    expect(err('{"format":"other"}')).toMatch(/not a progress file of this site/);
    expect(err(JSON.stringify({ ...record({}), version: 2 }))).toMatch(/newer version/);
    expect(err(JSON.stringify({ ...record({}), lecture: '03-x' }))).toMatch(/another lecture \(03-x\)/);
    expect(err(JSON.stringify({ ...record({}), saved: 'yesterday' }))).toMatch(/no valid date/);
    expect(err(JSON.stringify(record({ zzz: { ...EMPTY } })), ['a'])).toMatch(/does not have: "zzz"/);
    expect(err(JSON.stringify(record({ a: { ...EMPTY, attempts: -1 } })))).toMatch(/"a" is not well formed/);
    expect(err(JSON.stringify(record({ a: { ...EMPTY, solved: 'yes' } as never })))).toMatch(/not well formed/);
    expect(err('x'.repeat(300_000))).toMatch(/too large/);
  });
});

describe('ProgressStore', () => {
  it('saves, reloads, totals and resets', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(LECTURE, () => storage);
    expect(store.status).toBe('ok');
    store.update('a', (p) => ({ ...p, attempts: p.attempts + 1 }));
    store.update('b', (p) => ({ ...p, attempts: 1, solved: true, revealed: true }));
    const again = new ProgressStore(LECTURE, () => storage);
    expect(again.get('a').attempts).toBe(1);
    expect(totals(again.record, ['a', 'b', 'c'])).toEqual({ total: 3, attempted: 2, solved: 1, revealed: 1 });
    again.reset();
    expect(storage.getItem(storageKey(LECTURE))).toBeNull();
    expect(again.get('b')).toEqual(EMPTY);
  });
  it('blocked storage: works in memory and says so', () => {
    const store = new ProgressStore(LECTURE, () => {
      throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    });
    expect(store.status).toBe('blocked');
    store.update('a', (p) => ({ ...p, solved: true }));
    expect(store.get('a').solved).toBe(true);
    expect(store.status).toBe('blocked');
  });
  it('full storage: says so, and recovers when a write succeeds again', () => {
    const storage = new MemoryStorage();
    storage.failWith = 'QuotaExceededError';
    const store = new ProgressStore(LECTURE, () => storage);
    expect(store.status).toBe('full');
    storage.failWith = undefined;
    store.update('a', (p) => ({ ...p, solved: true }));
    expect(store.status).toBe('ok');
  });
  it('corrupt record: starts empty, never overwrites it, until reset or import', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey(LECTURE), '{garbage');
    const store = new ProgressStore(LECTURE, () => storage);
    expect(store.status).toBe('corrupt');
    store.update('a', (p) => ({ ...p, solved: true }));
    expect(storage.getItem(storageKey(LECTURE))).toBe('{garbage');
    store.replace(record({ a: { ...EMPTY, solved: true } }));
    expect(store.status).toBe('ok');
    expect(JSON.parse(storage.getItem(storageKey(LECTURE))!).exercises.a.solved).toBe(true);
  });
  it('a record of the wrong schema counts as corrupt', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      storageKey(LECTURE),
      JSON.stringify({ format: 'feedforward-progress', version: 1, lecture: LECTURE, saved: 'x', exercises: {} }),
    );
    expect(new ProgressStore(LECTURE, () => storage).status).toBe('corrupt');
  });
  it('tells subscribers of changes; export round-trips through parseProgress', () => {
    const store = new ProgressStore(LECTURE, () => new MemoryStorage());
    let calls = 0;
    store.subscribe(() => calls++);
    store.update('a', (p) => ({ ...p, hints: 2 }));
    expect(calls).toBe(1);
    const back = parseProgress(store.exportText(), LECTURE, ['a']);
    expect(back.ok && back.record.exercises.a!.hints).toBe(2);
  });
  it('names the export file after the lecture', () => {
    expect(exportFileName('02-feedforward')).toBe('feedforward-lecture02-progress.json');
  });
});
