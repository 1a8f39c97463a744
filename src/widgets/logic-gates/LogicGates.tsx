/**
 * `logic-gates` — AND, OR and XOR. A single sigmoid neuron learns AND and OR and gets stuck on
 * XOR (its loss stops at ln 2: no straight line separates XOR's classes); a 2-2-1 network learns
 * XOR. The heat map shows the network's output over [−0.5, 1.5]², live while it trains.
 */
import { useMemo, useRef } from 'preact/hooks';
import { Chart } from '../shared/Chart';
import { LossChart } from '../shared/LossChart';
import { thin } from '~/charts/loss-curve';
import type { ChartOptions } from '~/charts/plot';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useThemeColors, type ThemeColors } from '../shared/theme';
import { useWidget } from '../shared/useWidget';
import { useTrainingLoop } from '../shared/useTrainingLoop';
import { TrainingControls } from '../shared/TrainingControls';
import { StatusText, statusText, trainingAnnouncement, unhealthy } from '../shared/TrainingStatus';
import { useWidth } from '../shared/useWidth';
import { fmt } from '~/util/format';
import { logicGatesSchema } from './state';
import {
  ARCH_LABEL,
  EPOCHS_PER_SECOND,
  GATE_LABEL,
  HeatMap,
  MAX_EPOCHS,
  MOMENTUM,
  equationTex,
  firstLayerLines,
  gatePoints,
  makeTrainer,
  runKey,
  stopCheck,
} from './model';
import { MAP_SIZE, heatMapOptions, lossChartOptions } from './charts';
import './logic-gates.css';
import meta from './widget.json';

export default function LogicGates({ headingLevel }: WidgetProps) {
  const { state, reset, frame, Select, Slider } = useWidget('logic-gates', logicGatesSchema);
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
          <TrainingControls loops={[loop]}>
            <Slider field="lr" label="Learning rate η" />
            <Slider field="seed" label="Seed" />
          </TrainingControls>
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
