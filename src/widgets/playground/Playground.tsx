/**
 * `playground` — the whole training cycle on one screen, on the lecture's engine: choose the data,
 * the layers and their activations, the output activation and loss, the learning rate, decay,
 * momentum and batch size; train (play, pause, one iteration, one epoch, restart) and watch the
 * decision regions, the train and test curves and the weights move. Edit a weight by hand, save
 * the model as JSON and load it back, and pin a run to compare it with the next one.
 *
 * This view puts the parts together: the controls column (PlaygroundControls), the run's buttons
 * and readouts (RunPanel), the heat map (HeatMap), the curves (RunCharts), the pin (PinnedRun),
 * the network drawing with its weight editor (useWeightEditing) and the model file (useModelFile).
 *
 * Speed: training runs in chunks per animation frame (useTrainingLoop). The heat map is a canvas
 * redrawn every frame from a GridPredictor; the charts and the network drawing are redrawn at
 * most every CHART_INTERVAL ms while training runs (useStaggered), and at once when it stops.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Network } from '@lib';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useTrainingLoop } from '../shared/useTrainingLoop';
import { trainingAnnouncement, unhealthy } from '../shared/TrainingStatus';
import { useThemeColors } from '../shared/theme';
import { useWidth } from '../shared/useWidth';
import { makeData } from './datasets';
import { HeatMap, classStyle } from './HeatMap';
import {
  MAX_EPOCHS,
  activationsOf,
  lossText,
  makeTrainer,
  measure,
  pct,
  reportNumber,
  runKey,
  sizesOf,
  trimIterations,
} from './model';
import { pairVerdict, resolvePair } from './output-and-loss';
import { PinPanel, type Pinned } from './PinnedRun';
import { PlaygroundControls } from './PlaygroundControls';
import { RunCharts, startOf } from './RunCharts';
import { RunPanel, SPEEDS, type Speed } from './RunPanel';
import { playgroundSchema } from './state';
import { useModelFile } from './useModelFile';
import { useStaggered } from './useStaggered';
import { useWeightEditing } from './useWeightEditing';
import './playground.css';
import meta from './widget.json';

/** While training runs, the charts and the network drawing are redrawn at most this often (ms). */
const CHART_INTERVAL = 250;
/** Training time per frame (ms): less in the frames that redraw the charts and the network. */
const BUDGET = { usual: 6, redraw: 2 };

export default function Playground({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, access, Slider, Select } = useWidget('playground', playgroundSchema);
  // A share link can fix the architecture (its buttons disabled) or hide its controls.
  const archLocked = access.locked.has('arch');
  const archHidden = access.hidden.has('arch');
  const [speed, setSpeed] = useState<Speed>('normal');
  const { data: dataName, noise, test, seed } = state;
  const data = useMemo(() => makeData({ data: dataName, noise, test, seed }), [dataName, noise, test, seed]);
  const { info } = data;
  const task = info.task;
  const pair = resolvePair(state);
  const verdict = pairVerdict(task, pair.out, pair.loss);

  // An imported model is the starting point of the runs built with its architecture.
  const imported = useRef<Network | undefined>(undefined);
  const [importId, setImportId] = useState(0);
  const create = () => {
    const sizes = sizesOf(state).join('-');
    const acts = activationsOf(state).join();
    const net = imported.current;
    const start = net && net.sizes.join('-') === sizes && net.activationNames.join() === acts ? net.clone() : undefined;
    const trainer = makeTrainer(state, data, start);
    startOf(trainer);
    return trainer;
  };
  const throttle = useRef<{ due: () => boolean }>();
  const loop = useTrainingLoop({
    key: `${runKey(state)}|${importId}`,
    // Read at every frame: a frame that will also redraw the charts trains for less time.
    get budgetMs() {
      return throttle.current?.due() ? BUDGET.redraw : BUDGET.usual;
    },
    create,
    maxEpochs: MAX_EPOCHS,
    epochsPerSecond: SPEEDS[speed],
    // The per-update history is not drawn: keep its tail only (long runs would fill memory).
    check: (trainer) => {
      trimIterations(trainer);
      return undefined;
    },
    describeMaxEpochs: (t) =>
      `Stopped after ${t.epochCount} epochs, the limit of the playground. Restart to train again.`,
  });
  const { trainer } = loop;
  // Hand edits and single iterations change the weights outside the loop.
  const [edits, setEdits] = useState(0);
  const countEdit = useCallback(() => setEdits((n) => n + 1), []);
  const version = loop.version * 1e6 + edits;
  // Redrawn at most every CHART_INTERVAL ms while training runs, each in its own frame:
  // [0] the loss chart, [1] the accuracy chart, [2] the controls column and the network drawing.
  const staggered = useStaggered(version, loop.playing, CHART_INTERVAL, 3);
  throttle.current = staggered;
  const [lossVersion, accuracyVersion, slow] = staggered.versions as [number, number, number];

  const now = useMemo(() => ({ version, ...measure(trainer) }), [trainer, version]);
  const diverged = trainer.diverged;
  const [outputRef, outputWidth] = useWidth<HTMLDivElement>(520);
  // Never narrower than a phone's column (a width measured mid-layout can be tiny for a moment).
  const width = Math.max(240, Math.min(520, outputWidth));
  const colors = useThemeColors();
  const [pinned, setPinned] = useState<Pinned | undefined>(undefined);
  const editor = useWeightEditing({ trainer, state, version: slow, pause: loop.pause, onEdit: countEdit });
  const modelFile = useModelFile({
    trainer,
    state,
    onImport: (model) => {
      loop.pause();
      imported.current = model.network;
      update(model.patch);
      setImportId((n) => n + 1);
    },
  });

  const oneIteration = () => {
    if (loop.playing) return;
    trainer.step();
    trimIterations(trainer);
    countEdit();
  };

  const shape = trainer.network.sizes.join('-');
  const summary =
    task === 'regression'
      ? `Epoch ${trainer.epochCount}: training loss ${lossText(now.trainLoss)}, test loss ${lossText(now.testLoss)}.`
      : `Epoch ${trainer.epochCount}: ${pct(now.trainAccuracy)} of training and ${pct(now.testAccuracy)} of test points right.`;
  const report = {
    dataset: state.data,
    architecture: shape,
    output: pair.out,
    loss: pair.loss,
    pairFits: verdict.kind === 'fits',
    trainLoss: reportNumber(now.trainLoss),
    testLoss: reportNumber(now.testLoss),
    trainAccuracy: reportNumber(now.trainAccuracy),
    testAccuracy: reportNumber(now.testAccuracy),
    epoch: trainer.epochCount,
    iteration: trainer.iteration,
    diverged: !!diverged,
    health: loop.health.verdict,
    pinned: !!pinned,
  };

  // The controls column only changes with the set-up and, at its staggered redraws, with the run:
  // one vnode, reused while training runs, so those renders skip it.
  const controls = useMemo(
    () => (
      <PlaygroundControls
        state={state}
        update={update}
        trainer={trainer}
        data={data}
        version={slow}
        archLocked={archLocked}
        archHidden={archHidden}
        Slider={Slider}
        Select={Select}
      />
    ),
    [state, update, trainer, data, slow, archLocked, archHidden, Slider, Select],
  );

  const classes = info.classes.length;
  const mapAlt =
    `The ${info.label} data: ${data.train.x.rows} training points (filled) and ${data.test.x.rows} test points (hollow)` +
    (task === 'regression'
      ? ', with sin x dotted and the network’s curve ŷ(x) in orange.'
      : ', on the regions where the network predicts each class.');

  return (
    <WidgetFrame
      {...frame}
      report={report}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Pick a data set and a network, press Play and watch it learn: the shading shows the class the network predicts
          at every point of the plane, the curves show the loss and accuracy on the training points and on the test
          points it never trains on. The same seed always gives the same run, so pin one, change one setting and
          compare.
        </p>
      }
      onReset={() => {
        reset();
        imported.current = undefined;
        setImportId(0);
        setPinned(undefined);
        modelFile.clear();
        setSpeed('normal');
        loop.reset();
      }}
      announce={
        loop.playing
          ? trainingAnnouncement(loop)
          : `${summary}${diverged ? ' Training diverged.' : unhealthy(loop) ? ` ${trainingAnnouncement(loop)}` : ''}`
      }
    >
      <div class="widget__body widget__body--split">
        {controls}
        <div class="playground__output" ref={outputRef}>
          <RunPanel loop={loop} now={now} task={task} speed={speed} onSpeed={setSpeed} onOneIteration={oneIteration} />
          <HeatMap network={trainer.network} version={version} data={data} colors={colors} width={width} alt={mapAlt} />
          <p class="playground__legend">
            {task === 'regression'
              ? 'Filled dots: training points; hollow: test points. Dotted grey: sin x. Orange: the network’s ŷ(x).'
              : `${info.classes.map((c, k) => `${c}: ${classStyle(classes, k).color} ${classStyle(classes, k).word}`).join('; ')}. Filled: training points; hollow: test points. The shading is the class the network predicts there, paler where it is unsure.`}
          </p>
          <RunCharts
            trainer={trainer}
            lossVersion={lossVersion}
            accuracyVersion={accuracyVersion}
            pinned={pinned}
            width={width}
            loss={pair.loss}
            task={task}
          />
          <PinPanel pinned={pinned} state={state} trainer={trainer} onPin={setPinned} />
          {editor}
          {modelFile.panel}
        </div>
      </div>
    </WidgetFrame>
  );
}
