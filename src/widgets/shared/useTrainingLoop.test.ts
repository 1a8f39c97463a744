// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { Network, SGD, Trainer, isFiniteMatrix, logicGate, sine } from '@lib';
import {
  TrainingLoop,
  trainChunk,
  useTrainingLoop,
  type Scheduler,
  type StopCheck,
  type TrainingLoopConfig,
  type TrainingLoopControls,
} from './useTrainingLoop';

/** A fake clock and two fake schedulers: tasks run only when the test says so. */
function fakeTime() {
  const clock = { t: 0 };
  const queue: {
    task: (time: number) => void;
    kind: 'animation' | 'background';
    cancelled: boolean;
  }[] = [];
  const make = (kind: 'animation' | 'background'): Scheduler => ({
    schedule(task) {
      const entry = { task, kind, cancelled: false };
      queue.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    now: () => clock.t,
  });
  const schedulers = {
    animation: make('animation'),
    background: make('background'),
  };
  /** Run the next pending task, `frameMs` after the previous one; returns its kind, or undefined when none is left. */
  const runNext = (frameMs = 1000 / 60) => {
    let entry = queue.shift();
    while (entry && entry.cancelled) entry = queue.shift();
    if (!entry) return undefined;
    clock.t += frameMs;
    entry.task(clock.t);
    return entry.kind;
  };
  return {
    clock,
    schedulers,
    runNext,
    pending: () => queue.filter((e) => !e.cancelled).length,
  };
}

/** Every update costs `ms` on the fake clock. */
function costly(trainer: Trainer, clock: { t: number }, ms = 1): Trainer {
  const step = trainer.step.bind(trainer);
  trainer.step = () => {
    clock.t += ms;
    return step();
  };
  return trainer;
}

const xorTrainer = (seed = 0, hidden = 2) => {
  const d = logicGate('xor');
  const network = Network.create({
    inputs: 2,
    layers: [
      { neurons: hidden, activation: 'sigmoid' },
      { neurons: 1, activation: 'sigmoid' },
    ],
    seed,
    weightInit: { uniform: 1 },
  });
  return new Trainer({
    network,
    optimizer: new SGD({ learningRate: 2, momentum: 0.9 }),
    loss: 'bce',
    xTrain: d.x,
    yTrain: d.y,
  });
};

/** A deep linear net on x ∈ [0, 2π] with a far too large learning rate: it blows up within a few epochs. */
const explodingTrainer = () => {
  const d = sine(50);
  const network = Network.create({
    inputs: 1,
    layers: [
      { neurons: 8, activation: 'linear' },
      { neurons: 8, activation: 'linear' },
      { neurons: 1, activation: 'linear' },
    ],
    seed: 1,
  });
  return new Trainer({
    network,
    optimizer: new SGD({ learningRate: 0.5 }),
    loss: 'mse',
    xTrain: d.x,
    yTrain: d.y,
  });
};

const converged: StopCheck = (_t, record) =>
  record.loss < 0.05 ? { kind: 'converged', message: 'XOR learned.' } : undefined;
const weightsOf = (t: Trainer) => t.network.getParameters();

describe('trainChunk', () => {
  it('stops when the time budget is used, overrunning by at most one update', () => {
    const { clock } = fakeTime();
    const trainer = costly(xorTrainer(), clock, 1);
    const r = trainChunk(trainer, { budgetMs: 8, epochs: Infinity, now: () => clock.t }, { maxEpochs: 1000 });
    expect(r.iterations).toBe(8);
    expect(trainer.epochCount).toBe(8);
    const slow = costly(xorTrainer(), clock, 30);
    expect(
      trainChunk(slow, { budgetMs: 8, epochs: Infinity, now: () => clock.t }, { maxEpochs: 1000 }).iterations,
    ).toBe(1);
  });

  it('stops at the epoch limit of the chunk and at maxEpochs of the run', () => {
    const { clock } = fakeTime();
    const trainer = xorTrainer();
    expect(trainChunk(trainer, { budgetMs: Infinity, epochs: 3, now: () => clock.t }, { maxEpochs: 1000 }).epochs).toBe(
      3,
    );
    const r = trainChunk(trainer, { budgetMs: Infinity, epochs: Infinity, now: () => clock.t }, { maxEpochs: 10 });
    expect(trainer.epochCount).toBe(10);
    expect(r.stop?.kind).toBe('max-epochs');
    expect(r.stop?.message).toContain('10 epochs');
  });

  it('turns the typed diverged status into a sentence and keeps the weights finite', () => {
    const trainer = explodingTrainer();
    const r = trainChunk(trainer, { budgetMs: Infinity, epochs: Infinity, now: () => 0 }, { maxEpochs: 10_000 });
    expect(r.stop?.kind).toBe('diverged');
    expect(r.stop?.message).toMatch(
      /^Training diverged (in its first epoch|after epoch \d+): the .+ smaller learning rate\.$/,
    );
    expect(r.stop?.message).not.toMatch(/\de[+-]?\d/);
    expect(r.stop?.message).not.toMatch(/NaN.*NaN/);
    for (const layer of trainer.network.layers) {
      expect(isFiniteMatrix(layer.weights)).toBe(true);
      expect(isFiniteMatrix(layer.biases)).toBe(true);
    }
    // Asking again returns the same verdict without training.
    const again = trainChunk(trainer, { budgetMs: Infinity, epochs: Infinity, now: () => 0 }, { maxEpochs: 10_000 });
    expect(again.stop?.kind).toBe('diverged');
    expect(again.iterations).toBe(0);
  });
});

describe('TrainingLoop', () => {
  /** A loop on fake time; `create` gets the fake clock so that updates can cost time. */
  const loopOf = (create: (clock: { t: number }) => Trainer, config: TrainingLoopConfig, reduced = false) => {
    const time = fakeTime();
    const loop = new TrainingLoop(
      'test',
      () => create(time.clock),
      () => config,
      time.schedulers,
      () => reduced,
    );
    let notifications = 0;
    loop.subscribe(() => notifications++);
    return { loop, time, notifications: () => notifications };
  };

  it('a run cut into frames gives exactly the weights of the same epochs done in one go (same seed, same run)', () => {
    const { loop, time } = loopOf((clock) => costly(xorTrainer(3), clock, 0.7), { maxEpochs: 150 });
    loop.play();
    let frames = 0;
    while (loop.status === 'running' && frames < 10_000) {
      time.runNext();
      frames++;
    }
    expect(loop.status).toBe('stopped');
    expect(loop.stop?.kind).toBe('max-epochs');
    expect(frames).toBeGreaterThan(10); // it really was chunked
    const direct = xorTrainer(3);
    direct.fit({ maxEpochs: 150 });
    expect(weightsOf(loop.trainer)).toEqual(weightsOf(direct));
  });

  it('stops by itself when the check reports convergence', () => {
    const { loop, time } = loopOf(() => xorTrainer(0), {
      maxEpochs: 2000,
      check: converged,
    });
    loop.play();
    for (let i = 0; i < 1000 && loop.playing; i++) time.runNext();
    expect(loop.status).toBe('stopped');
    expect(loop.stop).toEqual({ kind: 'converged', message: 'XOR learned.' });
    expect(loop.trainer.evaluateTrain().loss).toBeLessThan(0.05);
    expect(time.pending()).toBe(0);
  });

  it('stops on divergence and says so', () => {
    const { loop, time } = loopOf(explodingTrainer, { maxEpochs: 10_000 });
    loop.play();
    for (let i = 0; i < 100 && loop.playing; i++) time.runNext();
    expect(loop.stop?.kind).toBe('diverged');
    expect(loop.stop?.message).toContain('diverged');
  });

  it('keeps the pace: about epochsPerSecond epochs per second of frames, never more than the budget allows', () => {
    const { loop, time } = loopOf(() => xorTrainer(0), {
      maxEpochs: 10_000,
      epochsPerSecond: 30,
    });
    loop.play();
    for (let i = 0; i < 60; i++) time.runNext(1000 / 60); // one second of 60 Hz frames
    expect(loop.trainer.epochCount).toBeGreaterThanOrEqual(29);
    expect(loop.trainer.epochCount).toBeLessThanOrEqual(32);
  });

  it('pauses, steps exactly stepEpochs, resets to the same starting weights', () => {
    const { loop, time } = loopOf((clock) => costly(xorTrainer(5), clock, 1), {
      maxEpochs: 1000,
      stepEpochs: 3,
    });
    const initial = weightsOf(loop.trainer);
    loop.play();
    time.runNext();
    time.runNext();
    loop.pause();
    expect(loop.status).toBe('paused');
    expect(time.pending()).toBe(0);
    const before = loop.trainer.epochCount;
    loop.step();
    expect(loop.trainer.epochCount).toBe(before + 3);
    loop.reset();
    expect(loop.status).toBe('idle');
    expect(loop.trainer.epochCount).toBe(0);
    expect(weightsOf(loop.trainer)).toEqual(initial);
  });

  it('Play after a stop starts a fresh run; Step after convergence goes on but keeps the verdict', () => {
    const { loop, time } = loopOf(() => xorTrainer(0), {
      maxEpochs: 2000,
      check: converged,
    });
    loop.play();
    for (let i = 0; i < 1000 && loop.playing; i++) time.runNext();
    const epochs = loop.trainer.epochCount;
    loop.step();
    expect(loop.trainer.epochCount).toBe(epochs + 1);
    expect(loop.stop?.kind).toBe('converged');
    const old = loop.trainer;
    loop.play();
    expect(loop.trainer).not.toBe(old);
    expect(loop.trainer.epochCount).toBe(0);
    expect(loop.playing).toBe(true);
  });

  it('reduced motion: runs to the end in background chunks of at most the budget, updating the view only at start and end', () => {
    const { loop, time, notifications } = loopOf(
      (clock) => costly(xorTrainer(2), clock, 0.5),
      { maxEpochs: 600, backgroundBudgetMs: 30 },
      true,
    );
    loop.play();
    expect(loop.background).toBe(true);
    const kinds = new Set<string>();
    let longest = 0;
    for (let i = 0; i < 10_000 && loop.playing; i++) {
      const start = time.clock.t + 1000 / 60;
      kinds.add(time.runNext()!);
      longest = Math.max(longest, time.clock.t - start);
    }
    expect(loop.status).toBe('stopped');
    expect(loop.trainer.epochCount).toBe(600);
    expect([...kinds]).toEqual(['background']);
    expect(longest).toBeLessThanOrEqual(30 + 0.5);
    expect(notifications()).toBe(2); // "running" and "stopped"
    expect(loop.background).toBe(false);
  });

  it('animates: one notification per frame that trained', () => {
    const { loop, time, notifications } = loopOf(() => xorTrainer(0), {
      maxEpochs: 10,
      epochsPerSecond: 60,
    });
    loop.play();
    for (let i = 0; i < 100 && loop.playing; i++) time.runNext();
    expect(loop.trainer.epochCount).toBe(10);
    expect(notifications()).toBe(1 + 10); // play, then one per epoch (the last one is the stop)
  });

  it('a disposed loop does nothing', () => {
    const { loop, time } = loopOf(() => xorTrainer(0), { maxEpochs: 100 });
    loop.play();
    loop.dispose();
    expect(time.runNext()).toBeUndefined();
    loop.play();
    expect(time.pending()).toBe(0);
  });
});

describe('useTrainingLoop (Preact)', () => {
  it('re-renders with the trainer after each frame and starts over when the key changes', async () => {
    const time = fakeTime();
    let controls: TrainingLoopControls | undefined;
    function Probe({ seed }: { seed: number }) {
      controls = useTrainingLoop({
        key: String(seed),
        create: () => xorTrainer(seed),
        maxEpochs: 50,
        schedulers: time.schedulers,
        reducedMotion: () => false,
        epochsPerSecond: 60,
      });
      return h('p', null, `${controls.status} ${controls.trainer.epochCount}`);
    }
    const root = document.createElement('div');
    await act(() => render(h(Probe, { seed: 0 }), root));
    expect(root.textContent).toBe('idle 0');
    await act(() => controls!.play());
    for (let i = 0; i < 5; i++) await act(() => void time.runNext());
    expect(root.textContent).toBe('running 5');
    await act(() => controls!.pause());
    expect(root.textContent).toBe('paused 5');
    await act(() => controls!.step());
    expect(root.textContent).toBe('paused 6');
    const version = controls!.version;
    await act(() => render(h(Probe, { seed: 1 }), root));
    expect(root.textContent).toBe('idle 0');
    expect(controls!.version).not.toBe(version);
    await act(() => render(null, root));
    expect(time.pending()).toBe(0);
  });
});
