/**
 * `logic-gates` — AND, OR and XOR. A single sigmoid neuron learns AND and OR and gets stuck on
 * XOR (its loss stops at ln 2: no straight line separates XOR's classes); a 2-2-1 network learns
 * XOR. The heat map shows the network's output over [−0.5, 1.5]², live while it trains.
 */
import * as Plot from '@observablehq/plot';
import { useMemo, useRef } from 'preact/hooks';
import { Chart } from '../shared/Chart';
import { LossChart } from '../shared/LossChart';
import { lossCurve, thin } from '~/charts/loss-curve';
import type { ChartOptions } from '~/charts/plot';
import { contourMark, heatMapMark } from '~/charts/grid-marks';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useThemeColors, type ThemeColors } from '../shared/theme';
import { useWidget } from '../shared/useWidget';
import { useTrainingLoop } from '../shared/useTrainingLoop';
import { TrainingControls } from '../shared/TrainingControls';
import { StatusText, statusText, trainingAnnouncement, unhealthy } from '../shared/TrainingStatus';
import { useWidth } from '../shared/useWidth';
import { fmt } from '~/util/format';
import { logicGatesSchema, type LogicGatesState } from './state';
import {
  ARCH_LABEL,
  EPOCHS_PER_SECOND,
  EXTENT,
  GATE_LABEL,
  GRID,
  HeatMap,
  MAX_EPOCHS,
  MOMENTUM,
  VIEW,
  equationTex,
  firstLayerLines,
  gatePoints,
  makeTrainer,
  runKey,
  stopCheck,
  type GatePoint,
  type Segment,
} from './model';
import './logic-gates.css';
import meta from './widget.json';

export default function LogicGates({ headingLevel }: WidgetProps) {
  const { state, reset, frame, Select } = useWidget('logic-gates', logicGatesSchema);
  const colors = useThemeColors();
  const loop = useTrainingLoop({
    key: runKey(state),
    create: () => makeTrainer(state),
    maxEpochs: MAX_EPOCHS,
    check: stopCheck(state),
    epochsPerSecond: EPOCHS_PER_SECOND,
    describeMaxEpochs: (t) => `Stopped after ${t.epochCount} epochs, the limit of this widget.`,
  });
  const { trainer } = loop;

  const heat = useMemo(() => new HeatMap(trainer.network), [trainer]);
  const view = useMemo(() => {
    heat.update();
    const points = gatePoints(loop.trainer.network, loop.trainer.xTrain, loop.trainer.yTrain);
    const loss = loop.trainer.evaluateTrain().loss;
    // The loss curve starts with the loss before the first update (the first iteration's).
    const start = {
      epoch: 0,
      loss: loop.trainer.history.iterations[0]?.loss ?? loss,
    };
    const history = [
      start,
      ...thin(loop.trainer.history.epochs).map((r) => ({
        epoch: r.epoch,
        loss: r.loss,
      })),
    ];
    return {
      points,
      loss,
      // The heat map, points and lines depend on nothing else (a new run with the same start, as
      // after a change of learning rate, draws the same map).
      weights: loop.trainer.network.layers.map((l) => `${l.weights.data.join()};${l.biases.data.join()}`).join('|'),
      lines: firstLayerLines(loop.trainer.network),
      tex: equationTex(loop.trainer.network),
      history,
    };
    // The trainer is mutated in place; `loop` is a new object whenever it moved.
  }, [heat, loop]);

  const correct = view.points.filter((p) => !p.wrong).length;
  const gate = GATE_LABEL[state.gate];
  const [figureRef, figureWidth] = useWidth<HTMLDivElement>(MAP_SIZE);
  const [resultsRef, resultsWidth] = useWidth<HTMLDivElement>(MAP_SIZE);
  const mapSize = Math.min(MAP_SIZE, figureWidth);
  const lossWidth = Math.min(MAP_SIZE, resultsWidth);
  // Plot draws the map again only when what it shows changes: the network's weights, gate,
  // architecture, colours or size (a fresh run after a change of learning rate starts from the same
  // weights: no redraw).
  const mapKey = `${state.gate}|${state.arch}|${view.weights}|${mapSize}`;
  const drawnMap = useRef<{ key: string; colors: ThemeColors | undefined; options: ChartOptions }>();
  if (drawnMap.current?.key !== mapKey || drawnMap.current.colors !== colors) {
    drawnMap.current = {
      key: mapKey,
      colors,
      options: heatMapOptions(state, heat, view.points, view.lines, colors, mapSize),
    };
  }
  const mapOptions = drawnMap.current.options;
  const lossOptions = useMemo(
    () => lossChartOptions(view.history, view.loss, trainer.epochCount, lossWidth),
    [view, trainer.epochCount, lossWidth],
  );
  const status = statusText(loop);
  const statusClass = loop.stop
    ? loop.stop.kind === 'converged'
      ? 'widget__status--good'
      : 'widget__status--bad'
    : unhealthy(loop)
      ? 'widget__status--bad'
      : '';

  return (
    <WidgetFrame
      {...frame}
      report={{
        gate: state.gate,
        arch: state.arch,
        loss: view.loss,
        correct,
        epoch: trainer.epochCount,
        health: loop.health.verdict,
      }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Train a single sigmoid neuron on AND, then on OR: it finds a line that separates the 1s from the 0s. Then
          choose XOR and watch the loss stop falling. Switch to the 2-2-1 network (two hidden neurons) and it learns XOR
          too.
        </p>
      }
      onReset={() => {
        reset();
        loop.reset();
      }}
      announce={
        loop.playing
          ? unhealthy(loop)
            ? trainingAnnouncement(loop)
            : `Training ${gate}.`
          : `${gate}, ${ARCH_LABEL[state.arch]}: ${correct} of 4 points right, loss ${fmt(view.loss, 3)}. ${loop.stop?.message ?? ''}`
      }
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Select
            field="gate"
            label="Logic gate"
            options={[
              { value: 'and', label: 'AND' },
              { value: 'or', label: 'OR' },
              { value: 'xor', label: 'XOR' },
            ]}
          />
          <Select
            field="arch"
            label="Network"
            options={[
              { value: 'neuron', label: 'Single neuron (2 → 1)' },
              { value: '2-2-1', label: '2-2-1 (two hidden neurons)' },
            ]}
          />
          <TrainingControls loops={[loop]} lr={{ label: 'Learning rate η' }} seed />
          <p class="logic-gates__note">
            Sigmoid neurons, binary cross-entropy, gradient descent on all four points at once with momentum {MOMENTUM};
            initial weights drawn from the seed. The same seed gives the same run.
          </p>
        </div>
        <div class="logic-gates__output">
          <div class="logic-gates__figure" ref={figureRef}>
            <Chart
              options={mapOptions}
              class="logic-gates__map"
              table={{
                caption: `The four input pairs of ${gate}, their targets and the network's output`,
                columns: ['x₁', 'x₂', 'target y', 'output ŷ', 'predicted', 'correct?'],
                rows: view.points.map((p) => [
                  p.x1,
                  p.x2,
                  p.target,
                  p.yhat.toFixed(3),
                  p.predicted,
                  p.wrong ? 'no' : 'yes',
                ]),
              }}
            />
            <p class="logic-gates__legend">
              Shading: the output ŷ, blue towards 1, orange towards 0; the solid line is ŷ = 0.5. Filled circles have
              target 1, hollow squares target 0; a red ring marks a wrong answer.
              {state.arch === '2-2-1' && ' Dashed lines: where each hidden neuron h₁, h₂ is at 0.5.'}
            </p>
          </div>
          <div class="logic-gates__results" ref={resultsRef}>
            <dl class="widget__readout logic-gates__readout">
              <div>
                <dt>Points right</dt>
                <dd data-readout="accuracy">{correct} of 4</dd>
              </div>
              <div>
                <dt>Loss (binary cross-entropy)</dt>
                <dd data-readout="loss">{fmt(view.loss, 3)}</dd>
              </div>
              <div>
                <dt>Epochs</dt>
                <dd data-readout="epochs">{trainer.epochCount}</dd>
              </div>
            </dl>
            <p class={`widget__status ${statusClass}`} data-readout="status">
              <StatusText text={status} />
            </p>
            <LossChart chart={lossOptions} class="logic-gates__loss" />
            <Tex display tex={view.tex} />
          </div>
        </div>
      </div>
    </WidgetFrame>
  );
}

const HIDDEN_DASH = ['6 4', '2 4'];

/** The heat map's largest size in CSS pixels; it is drawn smaller when the column is narrower. */
const MAP_SIZE = 440;

/** Whether the output stays within ±0.02 of 0.5 over the whole view: then there is no boundary to draw. */
function flat(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]! - 0.5) > 0.02) return false;
  return true;
}

function heatMapOptions(
  state: Pick<LogicGatesState, 'gate' | 'arch'>,
  heat: HeatMap,
  points: GatePoint[],
  lines: Segment[],
  colors: ThemeColors | undefined,
  size: number,
) {
  const blue = colors?.blue ?? '#2e63ad';
  const orange = colors?.orange ?? '#a94c0b';
  const bg = colors?.bg ?? '#fdfdfc';
  const [lo, hi] = VIEW;
  const noBoundary = flat(heat.values);
  // The network's output on the grid: row j at x₂ = AXIS[j], from the bottom of EXTENT.
  const grid = { values: heat.values, width: GRID, height: GRID, x: EXTENT, y: EXTENT };
  const wrong = points.filter((p) => p.wrong).length;
  const hidden = lines.filter((l) => l.neuron > 0);
  const lineEnds = hidden.map((l) => ({
    ...pickLabelEnd(l),
    label: `h${l.neuron === 1 ? '₁' : '₂'}`,
  }));
  return {
    alt: `Heat map of the ${ARCH_LABEL[state.arch]}'s output over the square from −0.5 to 1.5, with the four input pairs of ${GATE_LABEL[state.gate]} and their targets; ${4 - wrong} of 4 are on the right side of the ŷ = 0.5 line.`,
    width: size,
    height: size,
    style: { fontSize: size < 360 ? '12px' : '14px' },
    marginLeft: 44,
    marginBottom: 40,
    marginTop: 26,
    marginRight: 18,
    x: { domain: [lo, hi], label: 'x₁', ticks: [-0.5, 0, 0.5, 1, 1.5] },
    y: { domain: [lo, hi], label: 'x₂', ticks: [-0.5, 0, 0.5, 1, 1.5] },
    marks: [
      heatMapMark(grid, { domain: [0, 0.5, 1], colors: [orange, bg, blue], opacity: 0.4 }),
      noBoundary
        ? Plot.text(['ŷ ≈ 0.5 everywhere: no boundary'], {
            frameAnchor: 'middle',
            fill: 'var(--c-ink)',
            fontWeight: 'bold',
            stroke: 'var(--bg)',
            strokeWidth: 4,
            paintOrder: 'stroke',
          })
        : contourMark(grid, { thresholds: [0.5], stroke: 'var(--c-ink)', strokeWidth: 2.5 }),
      Plot.frame({ stroke: 'var(--c-grid)' }),
      ...hidden.map((l, k) =>
        Plot.line([l.a, l.b], {
          x: 'x1',
          y: 'x2',
          stroke: 'var(--c-purple)',
          strokeWidth: 1.75,
          strokeDasharray: HIDDEN_DASH[k % 2],
        }),
      ),
      Plot.text(lineEnds, {
        x: 'x1',
        y: 'x2',
        text: 'label',
        fill: 'var(--c-purple)',
        fontWeight: 'bold',
        fontSize: 14,
        dx: 0,
        dy: 0,
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
      Plot.dot(
        points.filter((p) => p.target === 1),
        {
          x: 'x1',
          y: 'x2',
          r: 9,
          symbol: 'circle',
          fill: 'var(--c-blue)',
          stroke: 'var(--bg)',
          strokeWidth: 1.5,
        },
      ),
      Plot.dot(
        points.filter((p) => p.target === 0),
        {
          x: 'x1',
          y: 'x2',
          r: 8,
          symbol: 'square',
          fill: 'var(--bg)',
          stroke: 'var(--c-orange)',
          strokeWidth: 3,
        },
      ),
      Plot.dot(
        points.filter((p) => p.wrong),
        {
          x: 'x1',
          y: 'x2',
          r: 15,
          stroke: 'var(--c-red)',
          strokeWidth: 2.5,
          fill: 'none',
        },
      ),
      Plot.text(points, {
        x: 'x1',
        y: 'x2',
        text: (p: GatePoint) => `y = ${p.target}, ŷ = ${p.yhat.toFixed(2)}`,
        dy: -22,
        fill: 'var(--c-ink)',
        fontSize: 13.5,
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

/** Where to write a hidden line's name: its end nearer the top-right corner, pulled a little inside the view. */
function pickLabelEnd(l: Segment): { x1: number; x2: number } {
  const score = (p: { x1: number; x2: number }) => p.x1 + p.x2;
  const end = score(l.a) > score(l.b) ? l.a : l.b;
  const other = end === l.a ? l.b : l.a;
  const t = 0.08;
  return {
    x1: end.x1 + (other.x1 - end.x1) * t,
    x2: end.x2 + (other.x2 - end.x2) * t,
  };
}

function lossChartOptions(history: { epoch: number; loss: number }[], current: number, epochs: number, width: number) {
  return lossCurve({
    history,
    epochs,
    minEpochs: 50,
    width,
    alt: `Loss curve: binary cross-entropy against epochs; after ${epochs} epochs the loss is ${fmt(current, 3)}.`,
    label: 'loss',
    color: 'var(--c-blue)',
    minTop: 0.8,
    reference: { value: Math.LN2, label: 'ln 2 ≈ 0.693: ŷ = 0.5 everywhere', color: 'var(--c-muted)', dash: '5 4' },
  });
}
