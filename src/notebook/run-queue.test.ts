import { describe, expect, it } from 'vitest';
import { RunQueue } from './run-queue';

function setup(fails: string[] = []) {
  const log: string[] = [];
  let generation = 0;
  const queue = new RunQueue<string>({
    run: async (item) => {
      log.push(`run ${item}`);
      if (item === 'restart') generation++;
      return !fails.includes(item);
    },
    generation: () => generation,
    skipped: (rest, failed) => log.push(`skip ${rest.join(',')} (${failed ?? 'restarted'})`),
  });
  return { queue, log, restart: () => generation++ };
}

describe('RunQueue', () => {
  it('runs lists in order, one after another across calls', async () => {
    const { queue, log } = setup();
    void queue.enqueue(['a', 'b']);
    await queue.enqueue(['c']);
    expect(log).toEqual(['run a', 'run b', 'run c']);
  });

  it('stops a list at its first failure and says which items did not run', async () => {
    const { queue, log } = setup(['b']);
    await queue.enqueue(['a', 'b', 'c', 'd']);
    expect(log).toEqual(['run a', 'run b', 'skip c,d (b)']);
  });

  it('skips what is left of a list once the runner restarts', async () => {
    const { queue, log } = setup();
    await queue.enqueue(['a', 'restart', 'c']);
    expect(log).toEqual(['run a', 'run restart', 'skip c (restarted)']);
  });

  it('a list queued before a restart does not run after it', async () => {
    const { queue, log, restart } = setup();
    const done = queue.enqueue(['a']);
    restart();
    await done;
    expect(log).toEqual(['skip a (restarted)']);
  });
});
