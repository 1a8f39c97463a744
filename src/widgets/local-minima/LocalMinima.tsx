/**
 * `local-minima` — gradient descent on a loss of one weight with two valleys. Drop starting points
 * (click the chart, or the slider and "Drop a ball here"), watch each run roll downhill (animated
 * one step per frame; at once when the reader prefers less motion) and see which minimum it ends in.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Chart, type ChartPointer, chartHeight, type ChartSizing } from '../shared/Chart';
import { Slider } from '../shared/controls';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { prefersReducedMotion } from '../shared/theme';
import { useWidgetState } from '../shared/useWidgetState';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
import { fmt } from '~/util/format';
import { localMinimaSchema as schema } from './state';
import { DOMAIN, OUTCOME_TEXT, POINTS, basinOf, descend, loss, type Outcome, type Run } from './model';
import './local-minima.css';

/** Steps shown per animation frame: at least 2, more for long runs so none takes over ~1.5 s (90 frames). */
const stepsPerFrame = (length: number) => Math.max(2, Math.ceil(length / 90));
const MAX_RUNS = 12;

interface ShownRun extends Run {
  id: number;
  /** How many points of the path are drawn so far. */
  shown: number;
}

const STYLE: Record<Outcome, { color: string; symbol: string; word: string }> = {
  local: { color: 'var(--c-blue)', symbol: 'circle', word: 'local' },
  global: { color: 'var(--c-orange)', symbol: 'square', word: 'global' },
  diverged: { color: 'var(--c-red)', symbol: 'triangle', word: 'diverged' },
  unsettled: { color: 'var(--c-red)', symbol: 'triangle', word: 'unsettled' },
};

export default function LocalMinima({ headingLevel }: WidgetProps) {
  const { state, update, reset, notice, dismissNotice } = useWidgetState('local-minima', schema);
  const [runs, setRuns] = useState<ShownRun[]>([]);
  const nextId = useRef(1);
  const [box, width] = useWidth(600);

  const animating = runs.some((r) => r.shown < r.path.length);
  useEffect(() => {
    if (!animating) return;
    let frame = requestAnimationFrame(function tick() {
      setRuns((rs) =>
        rs.map((r) =>
          r.shown < r.path.length
            ? { ...r, shown: Math.min(r.path.length, r.shown + stepsPerFrame(r.path.length)) }
            : r,
        ),
      );
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [animating]);

  const drop = (start: number) => {
    const run = descend(start, state.lr);
    const id = nextId.current++;
    setRuns((rs) => [
      ...rs.slice(-(MAX_RUNS - 1)),
      { ...run, id, shown: prefersReducedMotion() ? run.path.length : 1 },
    ]);
  };

  const finished = runs.filter((r) => r.shown >= r.path.length);
  const count = (o: Outcome) => finished.filter((r) => r.outcome === o).length;
  const last = finished.at(-1);
  const options = useMemo(() => chartOptions(runs, state.start, Math.min(width, 900)), [runs, state.start, width]);

  const onPointer = (p: ChartPointer) => {
    if (p.phase !== 'down') return;
    const start = clampToField(schema.start, p.x);
    update({ start });
    drop(start);
  };

  return (
    <WidgetFrame
      name="local-minima"
      schema={schema}
      state={state}
      report={{
        runs: finished.length,
        globalReached: count('global'),
        localReached: count('local'),
        diverged: count('diverged') + count('unsettled'),
      }}
      headingLevel={headingLevel}
      title="Where does gradient descent end up?"
      intro={
        <p>
          Click the chart to drop a ball at that weight (or choose a start with the slider and press "Drop a ball
          here"). It rolls downhill by gradient descent, w ← w − α·E′(w). Which starts reach the global minimum? What
          does a large learning rate do?
        </p>
      }
      notice={notice}
      onDismissNotice={dismissNotice}
      onReset={() => {
        setRuns([]);
        reset();
      }}
      announce={
        last
          ? `Run ${last.id} from w = ${fmt(last.start)}: ${OUTCOME_TEXT[last.outcome]}${last.outcome === 'local' || last.outcome === 'global' ? ` at w = ${fmt(last.end, 3)} after ${last.path.length - 1} steps` : ''}.`
          : ''
      }
    >
      <div class="widget__body local-minima">
        <div ref={box} class="local-minima__chart">
          <Chart
            options={options}
            sized={HEIGHT_RULE}
            onPointer={onPointer}
            table={{
              caption: 'Every run: where it started, its learning rate, its steps and where it ended',
              columns: ['run', 'start w', 'α', 'steps', 'end w', 'result'],
              rows: finished.map((r) => [
                r.id,
                fmt(r.start),
                fmt(r.lr),
                r.path.length - 1,
                fmt(r.end, 3),
                OUTCOME_TEXT[r.outcome],
              ]),
            }}
          />
          <p class="local-minima__key">
            <span style={{ color: 'var(--c-blue)' }}>●</span> ends in the local minimum (w ≈ {fmt(POINTS.local, 2)}),{' '}
            <span style={{ color: 'var(--c-orange)' }}>■</span> in the global minimum (w ≈ {fmt(POINTS.global, 2)}),{' '}
            <span style={{ color: 'var(--c-red)' }}>▲</span> never settles. The shaded bands are the two basins for
            small steps: left of the peak at w ≈ {fmt(POINTS.peak, 2)} everything rolls to the local minimum.
          </p>
        </div>
        <div class="local-minima__controls">
          <Slider
            field="lr"
            label="Learning rate α"
            value={state.lr}
            min={schema.lr.min}
            max={schema.lr.max}
            step={schema.lr.step}
            onChange={(lr) => update({ lr })}
          />
          <Slider
            field="start"
            label="Start w₀"
            value={state.start}
            min={schema.start.min}
            max={schema.start.max}
            step={schema.start.step}
            onChange={(start) => update({ start })}
          />
          <div class="control control--buttons">
            <button type="button" onClick={() => drop(state.start)}>
              Drop a ball here
            </button>
            <button type="button" onClick={() => setRuns([])} disabled={runs.length === 0}>
              Clear runs
            </button>
          </div>
          <p class="local-minima__basin" data-readout="basin">
            A start at w = {fmt(state.start)} lies in the basin of the{' '}
            {basinOf(state.start) === 'global' ? 'global' : 'local'} minimum (for small steps).
          </p>
          <dl class="widget__readout">
            <dt>Runs finished</dt>
            <dd data-readout="counts">
              {finished.length === 0
                ? 'none yet'
                : `${finished.length}: ${count('global')} reached the global minimum, ${count('local')} the local one${count('diverged') + count('unsettled') ? `, ${count('diverged') + count('unsettled')} never settled` : ''}`}
            </dd>
            <dt>Last run</dt>
            <dd data-readout="last">
              {last
                ? `#${last.id} from w = ${fmt(last.start)} with α = ${fmt(last.lr)}: ${OUTCOME_TEXT[last.outcome]}${last.outcome === 'local' || last.outcome === 'global' ? ` at w = ${fmt(last.end, 3)}, after ${last.path.length - 1} steps` : ''}`
                : '—'}
            </dd>
          </dl>
        </div>
      </div>
    </WidgetFrame>
  );
}

/** The chart's height for its width (the server reserves it before the chart is drawn). */
const HEIGHT_RULE: ChartSizing = { min: 260, max: 320, perWidth: 0.6 };

function chartOptions(runs: ShownRun[], start: number, width: number) {
  const curve = Array.from({ length: 201 }, (_, i) => {
    const w = DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / 200;
    return { w, e: loss(w) };
  });
  const inside = (w: number) => w >= DOMAIN[0] && w <= DOMAIN[1];
  const points = runs.flatMap((r) =>
    r.path
      .slice(0, r.shown)
      .filter(inside)
      .map((w, t) => ({ w, e: loss(w), t, id: r.id, outcome: r.outcome, done: r.shown >= r.path.length })),
  );
  const ends = runs.filter((r) => r.shown >= r.path.length && inside(r.end));
  const heads = runs
    .filter((r) => r.shown < r.path.length)
    .map((r) => r.path[r.shown - 1]!)
    .filter(inside);
  const finished = runs.filter((r) => r.shown >= r.path.length);
  const narrow = width < 480;
  return {
    alt: `The loss E(w) over w from −2.5 to 2.5, with a local minimum at w = ${fmt(POINTS.local, 2)} and the global minimum at w = ${fmt(POINTS.global, 2)}. ${finished.length} finished runs: ${finished.map((r) => `from ${fmt(r.start)} to the ${STYLE[r.outcome].word}`).join('; ') || 'none yet'}.`,
    width: Math.max(280, width),
    height: chartHeight(width, HEIGHT_RULE),
    marginLeft: 40,
    marginTop: 28,
    marginBottom: 40,
    marginRight: 16,
    x: { label: 'w (one weight)', domain: DOMAIN },
    y: { label: 'loss E(w)', domain: [-0.9, 6] },
    marks: [
      Plot.rect(
        [
          { x1: DOMAIN[0], x2: POINTS.peak, kind: 'local' },
          { x1: POINTS.peak, x2: DOMAIN[1], kind: 'global' },
        ],
        {
          x1: 'x1',
          x2: 'x2',
          y1: -0.9,
          y2: 6,
          fill: (d: { kind: string }) => (d.kind === 'local' ? 'var(--c-blue)' : 'var(--c-orange)'),
          fillOpacity: 0.07,
        },
      ),
      Plot.text(
        [
          // On a phone each label gets two lines rather than a smaller font (text never under 11 px),
          // inside the top of its band (above it they would run into the y axis's label).
          { x: (DOMAIN[0] + POINTS.peak) / 2, label: `basin of the${narrow ? '\n' : ' '}local minimum` },
          { x: (POINTS.peak + DOMAIN[1]) / 2, label: `basin of the${narrow ? '\n' : ' '}global minimum` },
        ],
        {
          x: 'x',
          y: 6,
          text: 'label',
          dy: narrow ? 2 : -8,
          lineAnchor: narrow ? 'top' : 'bottom',
          fill: 'var(--c-muted)',
          fontSize: narrow ? 11 : 12,
        },
      ),
      Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.6 }),
      Plot.line(curve, { x: 'w', y: 'e', stroke: 'var(--c-ink)', strokeWidth: 2 }),
      Plot.ruleX([start], { stroke: 'var(--c-muted)', strokeDasharray: '3 4' }),
      Plot.dot([{ w: start, e: loss(start) }], {
        x: 'w',
        y: 'e',
        r: 6,
        stroke: 'var(--c-ink)',
        strokeWidth: 1.5,
        fill: 'none',
      }),
      Plot.line(points, {
        x: 'w',
        y: 'e',
        z: 'id',
        stroke: (d: { outcome: Outcome; done: boolean }) => (d.done ? STYLE[d.outcome].color : 'var(--c-purple)'),
        strokeOpacity: 0.45,
        clip: true,
      }),
      Plot.dot(points, {
        x: 'w',
        y: 'e',
        r: 2.5,
        fill: (d: { outcome: Outcome; done: boolean }) => (d.done ? STYLE[d.outcome].color : 'var(--c-purple)'),
        fillOpacity: 0.7,
      }),
      Plot.dot(
        heads.map((w) => ({ w, e: loss(w) })),
        { x: 'w', y: 'e', r: 7, fill: 'var(--c-purple)', stroke: 'var(--bg)', strokeWidth: 1.5 },
      ),
      Plot.dot(ends, {
        x: 'end',
        y: (r: Run) => loss(r.end),
        r: 7,
        symbol: (r: Run) => STYLE[r.outcome].symbol,
        fill: (r: Run) => STYLE[r.outcome].color,
        stroke: 'var(--bg)',
        strokeWidth: 1.5,
      }),
      Plot.text(
        [POINTS.local, POINTS.global].map((w) => {
          const here = ends.filter((r) => r.outcome === (w === POINTS.local ? 'local' : 'global'));
          return {
            w,
            e: loss(w),
            label: here.length ? `${w === POINTS.local ? 'local' : 'global'} ×${here.length}` : '',
          };
        }),
        { x: 'w', y: 'e', text: 'label', dy: 18, fill: 'var(--c-ink)', fontWeight: 'bold' },
      ),
    ],
  };
}
