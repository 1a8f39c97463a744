import { describe, expect, it } from 'vitest';
import { EditsStore, MAX_EDIT_CHARS, editKey } from './edits-store';

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

const KEY = editKey('nb', 'sgd');
function setup(init?: (s: FakeStorage) => void) {
  const storage = new FakeStorage();
  init?.(storage);
  const messages: string[] = [];
  const store = new EditsStore(
    'nb',
    () => storage,
    (m) => messages.push(m),
  );
  return { storage, store, messages };
}

describe('notebook edits in storage', () => {
  it('keeps, reads back and removes an edit', () => {
    const { storage, store, messages } = setup();
    expect(store.read('sgd')).toBeNull();
    store.write('sgd', 'mine', 'original');
    expect(storage.data.get(KEY)).toBe('mine');
    expect(store.read('sgd')).toBe('mine');
    store.write('sgd', 'original', 'original');
    expect(storage.data.has(KEY)).toBe(false);
    expect(messages).toEqual([]);
  });
  it('blocked: says so once, never throws', () => {
    const { store, messages } = setup((s) => (s.blocked = true));
    expect(store.read('sgd')).toBeNull();
    store.write('sgd', 'mine', 'original');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/storage is blocked: SecurityError/);
  });
  it('full: the stored edit still loads, a new one is reported, the stored one is untouched', () => {
    const { storage, store, messages } = setup((s) => {
      s.data.set(KEY, 'saved before');
      s.full = true;
    });
    expect(store.read('sgd')).toBe('saved before');
    store.write('sgd', 'newer', 'original');
    expect(storage.data.get(KEY)).toBe('saved before');
    expect(messages[0]).toMatch(/storage is full: QuotaExceededError.*Download \.ts/);
  });
  it('an unusable stored value (huge, NUL) is not shown, is reported, backed up, and survives in its backup', () => {
    for (const bad of ['x'.repeat(MAX_EDIT_CHARS + 1), 'a\u0000b']) {
      const { storage, store, messages } = setup((s) => s.data.set(KEY, bad));
      expect(store.read('sgd', 'One SGD step')).toBeNull();
      expect(messages[0]).toMatch(/saved edit of cell “One SGD step” could not be used/);
      expect(storage.data.get(`${KEY}.backup`)).toBe(bad);
      store.write('sgd', 'mine', 'original');
      expect(storage.data.get(KEY)).toBe('mine');
      expect(storage.data.get(`${KEY}.backup`)).toBe(bad);
    }
  });
  it('read before write: an edit the page did not show (another tab) is backed up before it is replaced', () => {
    const { storage, store } = setup();
    expect(store.read('sgd')).toBeNull();
    storage.data.set(KEY, 'from another tab');
    store.write('sgd', 'mine', 'original');
    expect(storage.data.get(KEY)).toBe('mine');
    expect(storage.data.get(`${KEY}.backup`)).toBe('from another tab');
  });
  it('prototype-named cells and keys are plain strings', () => {
    const { storage, store } = setup((s) => s.data.set(editKey('nb', '__proto__'), '{"polluted":1}'));
    expect(store.read('__proto__')).toBe('{"polluted":1}');
    store.write('constructor', 'x', 'y');
    expect(storage.data.get(editKey('nb', 'constructor'))).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
