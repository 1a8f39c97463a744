import { describe, expect, it } from 'vitest';
import type { RunnerEvents } from './host';
import type { ToWorker } from './protocol';
import type { OutputItem } from './run-cell';
import { RunnerSession, type Runner, type RunWatcher } from './runner-session';

class FakeRunner implements Runner {
  started = false;
  ended = false;
  watching = false;
  sent: ToWorker[] = [];
  constructor(readonly events: RunnerEvents) {}
  start() {
    this.started = true;
  }
  send(message: ToWorker) {
    this.sent.push(message);
  }
  watch(on: boolean) {
    this.watching = on;
  }
  end() {
    this.ended = true;
  }
}

function setup() {
  const runners: FakeRunner[] = [];
  const session = new RunnerSession((events) => {
    const r = new FakeRunner(events);
    runners.push(r);
    return r;
  });
  return { session, runners };
}

function watcher() {
  const seen = { items: [] as OutputItem[], done: [] as unknown[], lost: [] as string[] };
  const w: RunWatcher = {
    onItem: (item) => seen.items.push(item),
    done: (ok, ms, dropped, outputs) => seen.done.push({ ok, ms, dropped, shown: outputs.shown }),
    lost: (reason, detail) => seen.lost.push(`${reason}: ${detail}`),
  };
  return { w, seen };
}

const text = (t: string): OutputItem => ({ kind: 'text', level: 'log', text: t });

describe('RunnerSession', () => {
  it('starts one runner on the first run, watches it, and sends the run with its check only if any', () => {
    const { session, runners } = setup();
    session.run({ cellId: 'a', code: '1' }, watcher().w);
    session.run({ cellId: 'b', code: '2', check: 'c' }, watcher().w);
    expect(runners).toHaveLength(1);
    expect(runners[0]!.started && runners[0]!.watching).toBe(true);
    expect(runners[0]!.sent).toEqual([
      { type: 'run', id: 1, cellId: 'a', code: '1' },
      { type: 'run', id: 2, cellId: 'b', code: '2', check: 'c' },
    ]);
  });

  it("shows only the current run's outputs, and ends the run on done", () => {
    const { session, runners } = setup();
    const { w, seen } = watcher();
    session.run({ cellId: 'a', code: '' }, w);
    const r = runners[0]!;
    r.events.message({ type: 'ready' });
    r.events.message({ type: 'output', id: 7, item: text('other run') });
    r.events.message({ type: 'output', id: 1, item: text('mine') });
    r.events.message({ type: 'done', id: 1, ok: true, ms: 5, dropped: 0 });
    r.events.message({ type: 'output', id: 1, item: text('after done') });
    expect(seen.items).toEqual([text('mine')]);
    expect(seen.done).toEqual([{ ok: true, ms: 5, dropped: 0, shown: 1 }]);
    expect(r.watching).toBe(false);
  });

  it('counts messages that fail the schema in the run summary', () => {
    const { session, runners } = setup();
    let summary: string | null = null;
    session.run({ cellId: 'a', code: '' }, { ...watcher().w, done: (_ok, _ms, d, o) => (summary = o.summary(d)) });
    runners[0]!.events.message({ type: 'output', id: 1, item: { kind: 'nonsense' } });
    runners[0]!.events.message({ type: 'done', id: 1, ok: true, ms: 1, dropped: 0 });
    expect(summary).toMatch(/^1 message from the runner could not be shown/);
  });

  it('a lost runner tells the run, counts a generation, and the next run starts a fresh runner', () => {
    const { session, runners } = setup();
    const { w, seen } = watcher();
    session.run({ cellId: 'a', code: '' }, w);
    runners[0]!.events.lost('crashed', 'gone');
    expect(seen.lost).toEqual(['crashed: gone']);
    expect(session.generation).toBe(1);
    session.run({ cellId: 'a', code: '' }, watcher().w);
    expect(runners).toHaveLength(2);
  });

  it('stop ends the runner; its later messages and losses are ignored', () => {
    const { session, runners } = setup();
    const { w, seen } = watcher();
    session.run({ cellId: 'a', code: '' }, w);
    session.stop();
    expect(runners[0]!.ended).toBe(true);
    expect(session.generation).toBe(1);
    runners[0]!.events.message({ type: 'output', id: 1, item: text('late') });
    runners[0]!.events.lost('crashed', 'late');
    expect(seen).toEqual({ items: [], done: [], lost: [] });
    expect(session.generation).toBe(1);
  });
});
