/**
 * `sine-fit` — fitting sin x on [0, 2π]. (a) Linear units, trained: the fit is stuck on a
 * straight line, whatever the number of units and layers. (b) ReLU hinges set by hand, hinge by
 * hinge, starting from the slide's two-ReLU formula. (c) ReLU units trained with gradient
 * descent: more units, more corners, a smaller error.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Chart, linePath, type ChartScales, chartHeight, type ChartSizing } from '../shared/Chart';
import { LossChart } from '../shared/LossChart';
import { lossCurve, thin } from '~/charts/loss-curve';
import { symbolPath, type ChartOptions } from '~/charts/plot';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useTrainingLoop } from '../shared/useTrainingLoop';
import { TrainingControls } from '../shared/TrainingControls';
import { StatusText, statusText, trainingAnnouncement, unhealthy } from '../shared/TrainingStatus';
import { useWidth } from '../shared/useWidth';
import { fmt } from '~/util/format';
import { sineFitSchema, type SineFitState } from './state';
import {
  EPOCHS_PER_SECOND,
  LINE,
  MAX_EPOCHS,
  MOMENTUM,
  VIEWS,
  Y_DOMAIN,
  activeUnits,
  collapseLinear,
  compareWithLine,
  curves,
  fmtMse,
  handNetwork,
  hingesOf,
  hingesTex,
  kinksOf,
  lineTex,
  makeTrainer,
  maxEpochsMessage,
  mseOf,
  runKey,
  samplePoints,
  sinePreset,
  slidePreset,
  stopCheck,
  type Curves,
} from './model';
import './sine-fit.css';
import meta from './widget.json';

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const MODE_LABEL: Record<SineFitState['mode'], string> = {
  linear: 'linear units, trained',
  hand: 'ReLU hinges set by hand',
  relu: 'ReLU units, trained',
};

interface Run {
  units: number;
  seed: number;
  lr: number;
  mse: number;
}

export default function SineFit({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Slider, Select, Toggle } = useWidget('sine-fit', sineFitSchema);
  const trained = state.mode !== 'hand';
  const loop = useTrainingLoop({
    key: state.mode === 'hand' ? 'hand' : runKey(state),
    create: () => makeTrainer(state.mode === 'hand' ? { ...state, mode: 'relu' } : state),
    maxEpochs: MAX_EPOCHS,
    check: stopCheck(state),
    epochsPerSecond: EPOCHS_PER_SECOND,
    describeMaxEpochs: (t) => maxEpochsMessage(state, t.evaluateTrain().loss),
  });
  const { trainer, version } = loop;
  const [runs, setRuns] = useState<Run[]>([]);

  const { hinges, hw, hb, hv, c: offset } = state;
  const hand = useMemo(() => handNetwork({ hinges, hw, hb, hv, c: offset }), [hinges, hw, hb, hv, offset]);
  const network = trained ? trainer.network : hand;
  const range = trained ? VIEWS.sine : VIEWS[state.view];

  const view = useMemo(() => {
    const kinks = state.mode === 'linear' ? [] : (kinksOf(network).filter((k) => k !== undefined) as number[]);
    const c = curves(network, samplePoints(range, kinks));
    const mse = mseOf(network);
    const history = trained
      ? [
          { epoch: 0, loss: trainer.history.iterations[0]?.loss ?? mse },
          ...thin(trainer.history.epochs).map((r) => ({
            epoch: r.epoch,
            loss: r.loss,
          })),
        ]
      : [];
    const line = state.mode === 'linear' ? collapseLinear(network) : undefined;
    const kinkPoints = kinkMarks(network, kinks, range);
    const active = state.mode === 'relu' ? activeUnits(network) : 0;
    // The trainer's network is mutated in place: this is the view of it at `version`.
    return { at: version, curves: c, mse, history, line, kinkPoints, active };
  }, [network, trainer, trained, version, range, state.mode]);

  // Remember finished ReLU runs, to compare unit counts.
  useEffect(() => {
    if (state.mode !== 'relu' || !loop.stop || loop.stop.kind === 'diverged') return;
    const run = {
      units: state.units,
      seed: state.seed,
      lr: state.lr,
      mse: view.mse,
    };
    setRuns((rs) =>
      [...rs.filter((r) => !(r.units === run.units && r.seed === run.seed && r.lr === run.lr)), run]
        .sort((a, b) => a.units - b.units || a.seed - b.seed)
        .slice(-8),
    );
  }, [loop.stop, state.mode, state.units, state.seed, state.lr, view.mse]);

  const editIndex = Math.min(state.edit, state.hinges) - 1;
  const [outputRef, outputWidth] = useWidth<HTMLDivElement>(CHART_WIDTH);
  const width = Math.min(CHART_WIDTH, outputWidth);
  // Plot draws the axes and sin x once per range and width; the network's curves are the overlay.
  const fitOptions = useMemo(() => fitAxesOptions(range, width), [range, width]);
  const lossOptions = useMemo(
    () => (trained ? lossChartOptions(view.history, trainer.epochCount, state.mode, width) : undefined),
    [trained, view, trainer.epochCount, state.mode, width],
  );

  const k = editIndex + 1;
  const status = statusText(loop);
  /** Epochs trained, in the trained modes (undefined for hinges set by hand). */
  const trainedEpochs = trained ? trainer.epochCount : undefined;
  // Red when the run ended badly (diverged, or stuck no better than a straight line), green otherwise.
  const badEnd =
    loop.stop?.kind === 'diverged' ||
    (loop.stop?.kind === 'stalled' && (state.mode === 'linear' || view.mse > LINE.mse));
  const statusClass = loop.stop
    ? badEnd
      ? 'widget__status--bad'
      : 'widget__status--good'
    : unhealthy(loop)
      ? 'widget__status--bad'
      : '';
  const announce = loop.playing
    ? trainingAnnouncement(loop)
    : `Fit with ${MODE_LABEL[state.mode]}: error ${fmtMse(view.mse)}, ${compareWithLine(view.mse, trainedEpochs)}. ${trained ? (loop.stop?.message ?? '') : ''}`;

  return (
    <WidgetFrame
      {...frame}
      report={{ mode: state.mode, mse: view.mse, lineMse: LINE.mse, health: loop.health.verdict }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Fit y = sin x on [0, 2π]. First with linear units: train them, add units and layers, and the fit stays a
          straight line. Then with ReLU units: build the curve by hand, hinge by hinge, starting from the slide's
          formula — and finally let gradient descent place the hinges.
        </p>
      }
      onReset={() => {
        reset();
        loop.reset();
        setRuns([]);
      }}
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Select
            field="mode"
            label="Hidden units"
            options={[
              { value: 'linear', label: '(a) Linear units, trained' },
              { value: 'hand', label: '(b) ReLU hinges, set by hand' },
              { value: 'relu', label: '(c) ReLU units, trained' },
            ]}
          />
          {state.mode === 'linear' && (
            <>
              <Slider field="layers" label="Hidden layers" />
              <Slider field="units" label="Linear units per layer" />
            </>
          )}
          {state.mode === 'relu' && <Slider field="units" label="ReLU units" />}
          {trained && (
            <>
              <TrainingControls loops={[loop]} lr={{ label: 'Learning rate η' }} seed />
              <p class="training__note">
                Mean squared error on the 201 points, gradient descent on all of them at once with momentum {MOMENTUM},
                at most {MAX_EPOCHS} epochs.
                {state.mode === 'relu' && ' Each unit starts with its kink at a random x inside [0, 2π].'} The same seed
                gives the same run.
              </p>
            </>
          )}
          {state.mode === 'hand' && (
            <>
              <Slider
                field="hinges"
                label="Hinges"
                // Fewer hinges: the hinge being edited stays among them.
                onChange={(hinges) => update({ hinges, edit: Math.min(state.edit, hinges) })}
              />
              <Select
                field="edit"
                label="Hinge to edit"
                // The hinge edited: a link may name one beyond the hinges shown.
                value={String(k)}
                options={Array.from({ length: state.hinges }, (_, i) => ({
                  value: String(i + 1),
                  label: `Hinge ${i + 1}`,
                }))}
              />
              <fieldset class="sine-fit__hinge">
                <legend>
                  Hinge {k}: v{SUB[k]}·max(w{SUB[k]}x + b{SUB[k]}, 0), kink at x ={' '}
                  {kinkText(state.hw[editIndex]!, state.hb[editIndex]!)}
                </legend>
                <Slider field="hw" label={`Weight w${SUB[k]}`} index={editIndex} />
                <Slider field="hb" label={`Bias b${SUB[k]}`} index={editIndex} />
                <Slider field="hv" label={`Output weight v${SUB[k]}`} index={editIndex} />
              </fieldset>
              <Slider field="c" label="Output bias c" />
              <div class="control control--buttons" role="group" aria-label="Presets">
                <button type="button" onClick={() => update(slidePreset())}>
                  The slide's formula
                </button>
                <button type="button" onClick={() => update(sinePreset())}>
                  Six hinges along the sine
                </button>
              </div>
              <Select
                field="view"
                label="x range shown"
                options={[
                  { value: 'slide', label: '−0.2 … 0.35 (the slide)' },
                  { value: 'sine', label: '0 … 2π (the sine)' },
                ]}
              />
            </>
          )}
          <Toggle field="parts" label="Show each unit's contribution" />
        </div>
        <div class="training__output" ref={outputRef}>
          <Chart
            options={fitOptions}
            sized={HEIGHT_RULE}
            alt={fitAlt(state, view.curves, view.kinkPoints, range)}
            overlay={(sc) => (
              <FitMarks sc={sc} state={state} c={view.curves} kinks={view.kinkPoints} range={range} edit={editIndex} />
            )}
            table={{
              caption: `sin x and the network's output ŷ at ${Math.min(13, view.curves.xs.length)} points of the range shown`,
              columns: ['x', 'sin x', 'ŷ'],
              rows: tableRows(view.curves),
            }}
          />
          <p class="training__note">
            Solid blue: sin x. Dashed orange: the network's output ŷ
            {state.mode !== 'linear' && ', with dots at its corners (kinks)'}.
            {state.mode === 'linear' && ' Dotted green: the best straight line.'}
            {state.parts &&
              ` Thin purple: each unit's contribution${state.mode === 'hand' ? ' (the hinge being edited is thicker)' : ''}; they add up, with the output bias, to ŷ.`}
          </p>
          <dl class="widget__readout training__readout">
            <div>
              <dt>Error (MSE on [0, 2π])</dt>
              <dd data-readout="mse">{fmtMse(view.mse)}</dd>
            </div>
            <div>
              <dt>Compared with the best straight line</dt>
              <dd data-readout="compare">{compareWithLine(view.mse, trainedEpochs)}</dd>
            </div>
            {trained && (
              <div>
                <dt>Epochs</dt>
                <dd data-readout="epochs">{trainer.epochCount}</dd>
              </div>
            )}
            {state.mode === 'relu' && (
              <div>
                <dt>Active units</dt>
                <dd data-readout="active">
                  {view.active} of {state.units}
                </dd>
              </div>
            )}
          </dl>
          {trained && (
            <p class={`widget__status ${statusClass}`} data-readout="status">
              <StatusText text={status} />
            </p>
          )}
          {state.mode === 'linear' && view.line && (
            <div class="sine-fit__explain">
              <p>The whole network, multiplied out:</p>
              <div data-readout="line">
                <Tex display tex={lineTex(view.line)} />
              </div>
              <p>
                Each linear unit passes on a straight line, and a sum of straight lines is a straight line. However many
                units and layers, the network is one slope and one intercept, so its error cannot go below the best
                straight line's {fmtMse(LINE.mse)}.
              </p>
            </div>
          )}
          {state.mode === 'hand' && (
            <div class="sine-fit__explain">
              <Tex display tex={hingesTex(hingesOf(state), state.c)} />
              <p>
                The slide's formula max(max(6x, 0)·(−1) + 0.7, 0)·(−1) is the preset: two hinges, −0.7 + max(6x, 0) −
                max(6x − 0.7, 0). Each hinge is flat until its kink at x = −b/w and then a straight line of slope v·w;
                adding hinges adds corners.
              </p>
            </div>
          )}
          {lossOptions && <LossChart chart={lossOptions} class="sine-fit__loss" />}
          {state.mode === 'relu' && (
            <div class="sine-fit__explain">
              <p>
                More units, more corners, a closer fit: a single hidden layer with enough ReLU units can follow any
                continuous curve on [0, 2π] as closely as we like (the universal approximation theorem). Try 2, 8 and 32
                units.
              </p>
              {runs.length > 0 && (
                <table class="sine-fit__runs">
                  <caption>Your finished runs</caption>
                  <thead>
                    <tr>
                      <th scope="col">ReLU units</th>
                      <th scope="col">seed</th>
                      <th scope="col">η</th>
                      <th scope="col">error (MSE)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {runs.map((r) => (
                      <tr>
                        <td>{r.units}</td>
                        <td>{r.seed}</td>
                        <td>{r.lr}</td>
                        <td>{fmtMse(r.mse)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
        </div>
      </div>
    </WidgetFrame>
  );
}

function kinkText(w: number, b: number): string {
  return w === 0 ? 'none (w = 0)' : fmt(-b / w, 3);
}

function tableRows(c: Curves): string[][] {
  const n = c.xs.length;
  const rows: string[][] = [];
  for (let j = 0; j <= 12; j++) {
    const i = Math.round((j * (n - 1)) / 12);
    rows.push([fmt(c.xs[i]!, 3), fmt(Math.sin(c.xs[i]!), 3), fmt(c.yhat[i]!, 3)]);
  }
  return rows;
}

/** Dots at the kinks inside the view, on the network's curve. */
function kinkMarks(
  network: ReturnType<typeof handNetwork>,
  kinks: number[],
  range: readonly [number, number],
): { x: number; y: number }[] {
  const inside = kinks.filter((k) => k >= range[0] && k <= range[1]);
  if (!inside.length) return [];
  const c = curves(network, Float64Array.from(inside));
  return inside.map((x, i) => ({ x, y: c.yhat[i]! })).filter((p) => p.y >= Y_DOMAIN[0] && p.y <= Y_DOMAIN[1]);
}

/** Curves are drawn up to this |y| (the view shows |y| ≤ 1.6). */
const PLOT_LIMIT = 4;

const PI_TICKS = {
  ticks: [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2, 2 * Math.PI],
  tickFormat: (v: number) => ['0', 'π/2', 'π', '3π/2', '2π'][Math.round(v / (Math.PI / 2))] ?? '',
};

/** The charts' largest width in CSS pixels; they are drawn narrower when the column is. */
const CHART_WIDTH = 520;
const fontSize = (width: number) => (width < 360 ? '12px' : '14px');

/** The chart's height for its width (the server reserves it before the chart is drawn). */
const HEIGHT_RULE: ChartSizing = { min: 220, max: 300, perWidth: 0.58 };

/** The axes, grid and sin x of the fit chart: drawn again only when the range or width changes. */
function fitAxesOptions(range: readonly [number, number], width: number): ChartOptions {
  const sineView = range === VIEWS.sine;
  const n = 241;
  const xs = Array.from({ length: n }, (_, i) => range[0] + ((range[1] - range[0]) * i) / (n - 1));
  const iSin = Math.round((sineView ? 0.22 : 0.85) * (n - 1));
  return {
    alt: '',
    width,
    height: chartHeight(width, HEIGHT_RULE),
    style: { fontSize: fontSize(width) },
    marginLeft: 44,
    marginBottom: 36,
    marginTop: 14,
    marginRight: 14,
    x: {
      domain: [range[0], range[1]],
      label: 'x',
      ...(sineView ? PI_TICKS : {}),
    },
    y: { domain: [Y_DOMAIN[0], Y_DOMAIN[1]], label: 'y' },
    marks: [
      Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.6 }),
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.line(xs, { x: (x: number) => x, y: Math.sin, stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.text([xs[iSin]!], {
        x: (x: number) => x,
        y: Math.sin,
        text: () => 'sin x',
        dy: -14,
        fill: 'var(--c-blue)',
        fontWeight: 'bold',
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

const fitAlt = (state: SineFitState, c: Curves, kinks: readonly unknown[], range: readonly [number, number]) =>
  `sin x over x from ${fmt(range[0], 2)} to ${fmt(range[1], 2)} with the output of a network of ${MODE_LABEL[state.mode]}` +
  (state.mode === 'linear' ? ', a straight line' : `, made of straight pieces joined at ${kinks.length} corners`) +
  (state.parts && c.units > 0 ? `, and the contributions of its ${c.units} units.` : '.');

/** The network's side of the fit chart (the overlay): its contributions, ŷ, the corners and labels. */
function FitMarks({
  sc,
  state,
  c,
  kinks,
  range,
  edit,
}: {
  sc: ChartScales;
  state: SineFitState;
  c: Curves;
  kinks: { x: number; y: number }[];
  range: readonly [number, number];
  edit: number;
}) {
  const n = c.xs.length;
  // Values far outside the view are pulled in (still outside it): a dashed path thousands of pixels long costs a lot to paint.
  const far = (v: number) => (v > PLOT_LIMIT ? PLOT_LIMIT : v < -PLOT_LIMIT ? -PLOT_LIMIT : v);
  const curve = (ys: ArrayLike<number>, offset = 0) => {
    const pts: [number, number][] = [];
    for (let i = 0; i < n; i++) pts.push([c.xs[i]!, far(ys[offset + i]!)]);
    return linePath(pts, sc);
  };
  const showParts = state.parts && c.units > 0;
  const sineView = range === VIEWS.sine;
  const iFit = Math.min(n - 1, Math.max(0, Math.round((sineView ? 0.62 : 0.5) * (n - 1))));
  const halo = { stroke: 'var(--bg)', 'stroke-width': 3, 'paint-order': 'stroke', 'font-weight': 'bold' };
  const yFit = c.yhat[iFit];
  return (
    <>
      {showParts && (
        <g
          clip-path={sc.clip}
          fill="none"
          stroke="var(--c-purple)"
          stroke-opacity={c.units > 8 ? 0.45 : 0.7}
          stroke-width={1.25}
          stroke-linejoin="round"
          stroke-linecap="round"
        >
          {Array.from({ length: c.units }, (_, k) => (
            <path d={curve(c.parts, k * n)} />
          ))}
        </g>
      )}
      {state.mode === 'hand' && showParts && (
        <path
          d={curve(c.parts, edit * n)}
          clip-path={sc.clip}
          fill="none"
          stroke="var(--c-purple)"
          stroke-width={3}
          stroke-linejoin="round"
          stroke-linecap="round"
        />
      )}
      {state.mode === 'linear' && (
        <path
          d={linePath(
            [
              [range[0], LINE.slope * range[0] + LINE.intercept],
              [range[1], LINE.slope * range[1] + LINE.intercept],
            ],
            sc,
          )}
          fill="none"
          stroke="var(--c-green)"
          stroke-width={2}
          stroke-dasharray="2 4"
          stroke-linecap="round"
        />
      )}
      <path
        d={curve(c.yhat)}
        clip-path={sc.clip}
        fill="none"
        stroke="var(--c-orange)"
        stroke-width={3}
        stroke-dasharray="8 5"
        stroke-linejoin="round"
        stroke-linecap="round"
      />
      <g fill="var(--c-orange)" stroke="var(--c-ink)" stroke-width={1}>
        {kinks.map((k) => (
          <path d={symbolPath('circle', sc.x(k.x), sc.y(k.y), 3.5)} />
        ))}
      </g>
      {yFit !== undefined && Number.isFinite(yFit) && yFit > Y_DOMAIN[0] && yFit < Y_DOMAIN[1] && (
        <text
          x={sc.x(c.xs[iFit]!) + 8}
          y={sc.y(yFit) + 16}
          dy="0.32em"
          text-anchor="middle"
          fill="var(--c-orange)"
          font-size="15"
          {...halo}
        >
          ŷ
        </text>
      )}
      {state.mode === 'hand' && showParts && (
        <g fill="var(--c-purple)" text-anchor="middle" {...halo}>
          {hingesOf(state)
            .map((h, k) => ({ k, x: h.w === 0 ? NaN : -h.b / h.w }))
            .filter((p) => p.x >= range[0] && p.x <= range[1])
            .map((p) => (
              <text x={sc.x(p.x)} y={sc.y(0) + 14} dy="0.32em">
                {String(p.k + 1)}
              </text>
            ))}
        </g>
      )}
    </>
  );
}

function lossChartOptions(
  history: { epoch: number; loss: number }[],
  epochs: number,
  mode: SineFitState['mode'],
  width: number,
) {
  return lossCurve({
    history,
    epochs,
    minEpochs: 100,
    width,
    alt: `Training curve: the error (MSE, log scale) against epochs for ${MODE_LABEL[mode]}; after ${epochs} epochs it is ${fmtMse(history.filter((r) => r.loss > 0).at(-1)?.loss ?? NaN)}.`,
    label: 'error (MSE)',
    color: 'var(--c-orange)',
    minTop: 1,
    log: { floor: 1e-5 },
    reference: {
      value: LINE.mse,
      label: `best straight line: ${fmtMse(LINE.mse)}`,
      color: 'var(--c-green)',
      dash: '2 4',
    },
    style: { fontSize: fontSize(width) },
    marginLeft: 52,
  });
}
