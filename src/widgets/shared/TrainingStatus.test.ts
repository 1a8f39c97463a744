import { describe, expect, it } from 'vitest';
import type { Health } from '@lib';
import { defaultsOf } from './url-state';
import { TrainingLoop, type Scheduler } from './useTrainingLoop';
import {
  healthText,
  runsAnnouncement,
  runsHealthText,
  statusText,
  trainingAnnouncement,
  unhealthy,
} from './TrainingStatus';
import { makeData } from '../playground/datasets';
import { makeTrainer } from '../playground/model';
import { playgroundSchema, type PlaygroundState } from '../playground/state';

/** Schedulers that never run anything: the tests drive the loop with step(). */
const never: Scheduler = { schedule: () => () => {}, now: () => 0 };

/** A loop over the playground's trainer for `over`, stepping `epochs` epochs per Step. */
function playgroundLoop(over: Partial<PlaygroundState>, epochs: number) {
  const s = { ...defaultsOf(playgroundSchema), ...over };
  const data = makeData(s);
  return new TrainingLoop(
    'test',
    () => makeTrainer(s, data),
    () => ({ maxEpochs: 5000, stepEpochs: epochs }),
    { animation: never, background: never },
    () => false,
  );
}

const oscillating: Health = {
  verdict: 'oscillating',
  since: 40,
  reason: 'The loss swings up and down instead of coming down.',
  fix: 'Lower the learning rate α, or use less momentum β.',
  evidence: { low: 1.1, high: 4.25, window: 40, reference: 1.13 },
};
const healthy: Health = { verdict: 'healthy', since: 0, reason: 'The loss is falling or has settled.', fix: '' };

describe('the status line tells the health of the run', () => {
  it('a warning reads "Verdict: reason (numbers). Fix", numbers in the project format', () => {
    expect(healthText(oscillating)).toBe(
      'Oscillating: the loss swings up and down instead of coming down (between 1.100 and 4.250 over the last 40 epochs). Lower the learning rate α, or use less momentum β.',
    );
    expect(healthText(healthy)).toBe('');
  });

  it('while running: the warning instead of "Training…"; a healthy run says "Training…"', () => {
    const base = { stop: undefined, background: false, status: 'running' as const };
    expect(statusText({ ...base, health: healthy })).toBe('Training…');
    expect(statusText({ ...base, health: oscillating })).toBe(healthText(oscillating));
    expect(statusText({ ...base, status: 'paused', health: oscillating })).toBe(`${healthText(oscillating)} Paused.`);
  });

  it('a stop sentence wins, but a run stopped at its epoch limit still says what went wrong', () => {
    const stopped = { background: false, status: 'stopped' as const, health: oscillating };
    expect(statusText({ ...stopped, stop: { kind: 'converged', message: 'Learned.' } })).toBe('Learned.');
    expect(statusText({ ...stopped, stop: { kind: 'max-epochs', message: 'Stopped after 5000 epochs.' } })).toBe(
      `${healthText(oscillating)} Stopped after 5000 epochs.`,
    );
  });

  it('the announcement names the verdict and the fix, without numbers (read once, not every epoch)', () => {
    expect(trainingAnnouncement({ health: healthy })).toBe('Training.');
    const said = trainingAnnouncement({ health: oscillating });
    expect(said).toBe('Warning, the training is oscillating. Lower the learning rate α, or use less momentum β.');
    expect(said).not.toMatch(/\d/);
  });
});

describe('runs compared side by side', () => {
  const runs = [
    { name: 'plain SGD', loop: { health: healthy } },
    { name: 'the mini (8) run', loop: { health: oscillating } },
  ];
  it('name each unhealthy run with its warning, and say nothing of the healthy ones', () => {
    expect(runsHealthText(runs)).toBe(`The mini (8) run: ${healthText(oscillating)}`);
    expect(runsHealthText([runs[0]!])).toBe('');
  });
  it('announce "Training." while all are healthy, else the warning by name', () => {
    expect(runsAnnouncement([runs[0]!])).toBe('Training.');
    expect(runsAnnouncement(runs)).toBe(
      'Warning, the mini (8) run is oscillating. Lower the learning rate α, or use less momentum β.',
    );
  });
});

describe('on a real run (the playground’s spiral)', () => {
  it('α = 3 with ReLU: after 150 epochs the status says it oscillates and to lower α; a fresh run is healthy again', () => {
    const loop = playgroundLoop({ data: 'spiral', lr: '3', a1: 'relu', a2: 'relu' }, 150);
    expect(statusText(loop)).toMatch(/^Press Play/);
    loop.step();
    expect(loop.health.verdict).toBe('oscillating');
    expect(unhealthy(loop)).toBe(true);
    expect(statusText(loop)).toMatch(/^Oscillating: .*Lower the learning rate α/);
    loop.reset();
    expect(loop.health.verdict).toBe('healthy');
  });

  it('the default circles run stays healthy and says "Paused." after a Step of 300 epochs', () => {
    const loop = playgroundLoop({}, 300);
    loop.step();
    expect(loop.trainer.epochCount).toBe(300);
    expect(loop.health.verdict).toBe('healthy');
    expect(statusText(loop)).toBe('Paused.');
  });
});
