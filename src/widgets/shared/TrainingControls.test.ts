import { describe, expect, it } from 'vitest';
import type { LoopStatus } from './useTrainingLoop';
import { overlayLossCurves, playAll, stepAll } from './TrainingControls';

function fake(status: LoopStatus) {
  const calls: string[] = [];
  return { status, calls, play: () => calls.push('play'), step: () => calls.push('step') };
}

describe('TrainingControls: driving several runs together', () => {
  it('Play resumes the runs that have not ended, and leaves an ended (e.g. diverged) run alone', () => {
    const a = fake('paused');
    const b = fake('stopped');
    const c = fake('idle');
    playAll([a, b, c]);
    expect([a.calls, b.calls, c.calls]).toEqual([['play'], [], ['play']]);
  });

  it('Play after every run ended starts them all afresh', () => {
    const a = fake('stopped');
    const b = fake('stopped');
    playAll([a, b]);
    expect([a.calls, b.calls]).toEqual([['play'], ['play']]);
  });

  it('Step steps only the runs that have not ended', () => {
    const a = fake('paused');
    const b = fake('stopped');
    stepAll([a, b]);
    expect([a.calls, b.calls]).toEqual([['step'], []]);
  });
});

describe('overlayLossCurves', () => {
  it('draws one dashed, labelled line per run and makes the y axis tall enough for all', () => {
    const options = overlayLossCurves(
      [
        {
          history: [
            { epoch: 0, loss: 2 },
            { epoch: 1, loss: 1 },
          ],
          label: 'a',
          color: 'var(--c-blue)',
          dash: 'none',
        },
        {
          history: [
            { epoch: 0, loss: 5 },
            { epoch: 1, loss: Number.NaN },
          ],
          label: 'b',
          color: 'var(--c-red)',
          dash: '4 2',
        },
      ],
      { epochs: 1, minEpochs: 10, width: 400, alt: 'x', label: 'loss', minTop: 1 },
    );
    expect(options.axes.top).toBe(5);
    expect(options.axes.xMax).toBe(10);
    // one line per run (a dot on its newest point), then the helper's empty main line
    expect(options.lines.map((l) => [l.color, l.dash, l.dot, l.points.length])).toEqual([
      ['var(--c-blue)', 'none', true, 2],
      ['var(--c-red)', '4 2', true, 1],
      ['var(--c-ink)', undefined, true, 0],
    ]);
  });
});
