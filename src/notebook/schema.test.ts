import { describe, expect, it } from 'vitest';
import { LIMITS, RunOutputs, parseFromWorker } from './schema';
import { MAX_OUTPUT_ITEMS, type OutputItem } from './run-cell';
import { BOOT, CONNECT, FRAME_FILE } from './protocol';
import { BOOT as FRAME_BOOT, CONNECT as FRAME_CONNECT, RUNNER_FRAME_FILE, runnerFrameHtml } from './runner-frame.mjs';

const output = (item: unknown, id = 3) => ({ type: 'output', id, item });

describe('messages from the runner', () => {
  it('accepts the runner’s own messages and returns fresh copies', () => {
    const item = { kind: 'text', level: 'log', text: 'hi' };
    const parsed = parseFromWorker(output(item));
    expect(parsed).toEqual(output(item));
    expect((parsed as { item: unknown }).item).not.toBe(item);
    expect(parseFromWorker({ type: 'done', id: 3, ok: true, ms: 12.5, dropped: 0 })).toEqual({
      type: 'done',
      id: 3,
      ok: true,
      ms: 12.5,
      dropped: 0,
    });
    const plot = {
      kind: 'plot',
      spec: { alt: 'a', marks: [{ mark: 'dot', data: [{ x: 1, y: 2 }], options: { x: 'x' } }], options: {} },
    };
    expect(parseFromWorker(output(plot))).toEqual(output(plot));
  });

  it('refuses malformed messages instead of throwing (the "a.columns is not iterable" family)', () => {
    const bad: unknown[] = [
      null,
      42,
      'output',
      [],
      { type: 'output' },
      { type: 'output', id: 1 },
      output({ kind: 'table' }),
      output({ kind: 'table', columns: 'abc', rows: [] }),
      output({ kind: 'table', columns: [], rows: [[1, 2]] }),
      output({ kind: 'text', level: 'shout', text: 'x' }),
      output({ kind: 'text', level: 'log', text: { toString: () => 'x' } }),
      output({ kind: 'plot', spec: { alt: 'a', marks: [{ mark: 'image', data: [], options: {} }], options: {} } }),
      output({ kind: 'plot', spec: { alt: 'a', marks: 'dot', options: {} } }),
      output({ kind: 'plot' }),
      output({ kind: 'tex', tex: 'x'.repeat(LIMITS.tex + 1), display: true }),
      output({ kind: 'error', error: { name: 'E', message: 'm', line: -1 } }),
      output({ kind: 'check', ok: 'yes', message: 'm' }),
      output({ kind: 'html', html: '<img src=x onerror=alert(1)>' }),
      output({ kind: 'text', level: 'log', text: 'x' }, 0),
      output({ kind: 'text', level: 'log', text: 'x' }, 1.5),
      { type: 'done', id: 1, ok: true, ms: Number.NaN },
      { type: 'done', id: 1, ok: 1, ms: 1 },
      { type: 'eval', code: 'alert(1)' },
    ];
    for (const msg of bad) expect(() => parseFromWorker(msg)).not.toThrow();
    for (const msg of bad) expect(parseFromWorker(msg), JSON.stringify(msg)?.slice(0, 80)).toBeNull();
  });

  it('bounds sizes: long text is cut, too many rows or values are refused', () => {
    const long = parseFromWorker(output({ kind: 'text', level: 'log', text: 'x'.repeat(LIMITS.text + 50) }));
    expect((long as { item: { text: string } }).item.text).toMatch(/… \(50 more characters\)$/);
    const rows = Array.from({ length: LIMITS.rows + 1 }, () => ['1']);
    expect(parseFromWorker(output({ kind: 'table', columns: ['a'], rows }))).toBeNull();
    const points = Array.from({ length: LIMITS.values + 1 }, (_, i) => i);
    const plot = { kind: 'plot', spec: { alt: 'a', marks: [{ mark: 'dot', data: points, options: {} }], options: {} } };
    expect(parseFromWorker(output(plot))).toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < LIMITS.depth + 2; i++) deep = { a: deep };
    const nested = { kind: 'plot', spec: { alt: 'a', marks: [], options: { deep } } };
    expect(parseFromWorker(output(nested))).toBeNull();
  });

  it('drops prototype keys from plain data', () => {
    const options = JSON.parse('{"x":"x","__proto__":{"polluted":true},"constructor":1}') as object;
    const plot = { kind: 'plot', spec: { alt: 'a', marks: [{ mark: 'dot', data: null, options }], options: {} } };
    const parsed = parseFromWorker(output(plot)) as { item: { spec: { marks: { options: object }[] } } };
    const copy = parsed.item.spec.marks[0]!.options;
    expect(Object.keys(copy)).toEqual(['x']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('one output cap for every kind', () => {
  it('shows at most MAX_OUTPUT_ITEMS items of any kind, plus one check and one error, and counts the rest', () => {
    const run = new RunOutputs();
    const kinds: OutputItem[] = [
      { kind: 'text', level: 'log', text: 'x' },
      { kind: 'tex', tex: 'x', display: false },
      { kind: 'table', columns: [], rows: [] },
      { kind: 'plot', spec: { alt: 'a', marks: [], options: {} } },
    ];
    let shown = 0;
    for (let i = 0; i < 50_000; i++) if (run.accept(kinds[i % kinds.length]!)) shown++;
    expect(shown).toBe(MAX_OUTPUT_ITEMS);
    expect(run.accept({ kind: 'check', ok: true, message: 'ok' })).toBe(true);
    expect(run.accept({ kind: 'check', ok: true, message: 'again' })).toBe(false);
    expect(run.accept({ kind: 'error', error: { name: 'E', message: 'm' } })).toBe(true);
    expect(run.accept({ kind: 'error', error: { name: 'E', message: 'm' } })).toBe(false);
    expect(run.summary(5)).toMatch(`${50_000 - MAX_OUTPUT_ITEMS + 2 + 5} more output items not shown`);
  });
});

describe('the runner frame', () => {
  it('page, frame and worker agree on the file name and the message types', () => {
    expect(FRAME_FILE).toBe(RUNNER_FRAME_FILE);
    expect(BOOT).toBe(FRAME_BOOT);
    expect(CONNECT).toBe(FRAME_CONNECT);
  });

  it('has a policy with no network, no script URLs and its one script by hash', () => {
    const html = runnerFrameHtml();
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toMatch(/script-src 'sha256-[\w+/=]+' 'unsafe-eval'(;|$)/);
    expect(policy).toContain('worker-src blob:');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});
