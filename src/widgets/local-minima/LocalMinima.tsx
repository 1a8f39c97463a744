/**
 * `local-minima` — gradient descent on a loss of one weight with two valleys. Drop starting points
 * (click the chart, or the slider and "Drop a ball here"), watch each run roll downhill (animated
 * one step per frame; at once when the reader prefers less motion) and see which minimum it ends in.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { symbolPath, type SymbolName } from '~/charts/plot';
import { Chart, type ChartPointer, type ChartScales, chartHeight, type ChartSizing, linePath } from '../shared/Chart';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { prefersReducedMotion } from '../shared/theme';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
import { fmt } from '~/util/format';
import { localMinimaSchema as schema } from './state';
import { DOMAIN, OUTCOME_TEXT, POINTS, basinOf, descend, loss, runMarks, type Outcome, type ShownRun } from './model';
import './local-minima.css';
import meta from './widget.json';

/** Steps shown per animation frame: at least 2, more for long runs so none takes over ~1.5 s (90 frames). */
const stepsPerFrame = (length: number) => Math.max(2, Math.ceil(length / 90));
const MAX_RUNS = 12;

const STYLE: Record<Outcome, { color: string; symbol: SymbolName; word: string }> = {
  local: { color: 'var(--c-blue)', symbol: 'circle', word: 'local' },
  global: { color: 'var(--c-orange)', symbol: 'square', word: 'global' },
  diverged: { color: 'var(--c-red)', symbol: 'triangle', word: 'diverged' },
  unsettled: { color: 'var(--c-red)', symbol: 'triangle', word: 'unsettled' },
};

export default function LocalMinima({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Slider } = useWidget('local-minima', schema);
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
  // The axes, the basins and the loss curve are drawn again only when the width changes; the start
  // and the runs (every animation frame of a rolling ball) are the overlay.
  const chartWidth = Math.min(width, 900);
  const options = useMemo(() => chartOptions(chartWidth), [chartWidth]);
  const marks = useMemo(() => runMarks(runs), [runs]);

  const onPointer = (p: ChartPointer) => {
    if (p.phase !== 'down') return;
    const start = clampToField(schema.start, p.x);
    update({ start });
    drop(start);
  };

  return (
    <WidgetFrame
      {...frame}
      report={{
        runs: finished.length,
        globalReached: count('global'),
        localReached: count('local'),
        diverged: count('diverged') + count('unsettled'),
      }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Click the chart to drop a ball at that weight (or choose a start with the slider and press "Drop a ball
          here"). It rolls downhill by gradient descent, w ← w − α·E′(w). Which starts reach the global minimum? What
          does a large learning rate do?
        </p>
      }
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
            alt={chartAlt(finished)}
            overlay={(sc) => <Runs sc={sc} start={state.start} marks={marks} />}
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
          <Slider field="lr" label="Learning rate α" />
          <Slider field="start" label="Start w₀" />
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

/** What the chart shows, for screen readers (written onto the drawn chart whenever a run ends). */
function chartAlt(finished: ShownRun[]): string {
  return `The loss E(w) over w from −2.5 to 2.5, with a local minimum at w = ${fmt(POINTS.local, 2)} and the global minimum at w = ${fmt(POINTS.global, 2)}. ${finished.length} finished runs: ${finished.map((r) => `from ${fmt(r.start)} to the ${STYLE[r.outcome].word}`).join('; ') || 'none yet'}.`;
}

/** The axes, the two basins and the loss curve: nothing a reader moves. */
function chartOptions(width: number) {
  const curve = Array.from({ length: 201 }, (_, i) => {
    const w = DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / 200;
    return { w, e: loss(w) };
  });
  const narrow = width < 480;
  return {
    // Replaced by `chartAlt` (the Chart's `alt`) whenever the chart is drawn.
    alt: `The loss E(w) over w from −2.5 to 2.5, with a local minimum at w = ${fmt(POINTS.local, 2)} and the global minimum at w = ${fmt(POINTS.global, 2)}.`,
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
    ],
  };
}

/**
 * The start (a dashed line and a ring on the curve), each run's path (a faint line through its
 * steps, purple while it rolls, then in the colour of where it ended), the rolling balls, the
 * ends (● local, ■ global) and how many runs ended at each minimum. Drawn as Plot drew them (the
 * half-pixel shifts are Plot's).
 */
function Runs({ sc, start, marks }: { sc: ChartScales; start: number; marks: ReturnType<typeof runMarks> }) {
  const color = (t: { outcome: Outcome; done: boolean }) => (t.done ? STYLE[t.outcome].color : 'var(--c-purple)');
  const x0 = sc.x(start);
  const labels = [
    { w: POINTS.local, n: marks.atLocal, word: 'local' },
    { w: POINTS.global, n: marks.atGlobal, word: 'global' },
  ];
  return (
    <>
      <line x1={x0 + 0.5} x2={x0 + 0.5} y1={sc.top} y2={sc.bottom} stroke="var(--c-muted)" stroke-dasharray="3 4" />
      <g transform="translate(0.5,0.5)">
        <circle cx={x0} cy={sc.y(loss(start))} r={6} fill="none" stroke="var(--c-ink)" stroke-width={1.5} />
      </g>
      <g clip-path={sc.clip}>
        <g
          transform="translate(0.5,0.5)"
          fill="none"
          stroke-width={1.5}
          stroke-opacity={0.45}
          stroke-linejoin="round"
          stroke-linecap="round"
        >
          {marks.trails.map((t) => (
            <path key={t.id} d={linePath(t.points, sc)} stroke={color(t)} />
          ))}
        </g>
      </g>
      <g transform="translate(0.5,0.5)">
        <g fill-opacity={0.7}>
          {marks.trails.map((t) => (
            <g key={t.id} fill={color(t)}>
              {t.points.map(([w, e]) => (
                <circle cx={sc.x(w)} cy={sc.y(e)} r={2.5} />
              ))}
            </g>
          ))}
        </g>
        <g fill="var(--c-purple)" stroke="var(--bg)" stroke-width={1.5}>
          {marks.heads.map(([w, e]) => (
            <circle cx={sc.x(w)} cy={sc.y(e)} r={7} />
          ))}
        </g>
        <g stroke="var(--bg)" stroke-width={1.5}>
          {marks.ends.map((r) => (
            <path
              key={r.id}
              d={symbolPath(STYLE[r.outcome].symbol, sc.x(r.w), sc.y(r.e), 7)}
              fill={STYLE[r.outcome].color}
            />
          ))}
        </g>
      </g>
      <g transform="translate(0.5,18.5)" fill="var(--c-ink)" font-weight="bold" text-anchor="middle">
        {labels.map((l) =>
          l.n ? (
            <text x={sc.x(l.w)} y={sc.y(loss(l.w))} dy="0.32em">
              {l.word} ×{l.n}
            </text>
          ) : null,
        )}
      </g>
    </>
  );
}
