/**
 * `playground` — the whole training cycle on one screen, on the lecture's engine: choose the data,
 * the layers and their activations, the output activation and loss, the learning rate, decay,
 * momentum and batch size; train (play, pause, one iteration, one epoch, restart) and watch the
 * decision regions, the train and test curves and the weights move. Edit a weight by hand, save
 * the model as JSON and load it back, and pin a run to compare it with the next one.
 *
 * Speed: training runs in chunks per animation frame (useTrainingLoop). The heat map is a canvas
 * redrawn every frame from a GridPredictor; the charts and the network drawing are redrawn at
 * most every CHART_INTERVAL ms while training runs, and at once when it stops.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Network, Trainer } from '@lib';
import { LossChart } from '../shared/LossChart';
import { lossCurve, thin } from '~/charts/loss-curve';
import { PlayControls } from '../shared/controls';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { describeDivergence, useTrainingLoop } from '../shared/useTrainingLoop';
import { StatusText, statusText, trainingAnnouncement, unhealthy } from '../shared/TrainingStatus';
import { useThemeColors } from '../shared/theme';
import { useWidth } from '../shared/useWidth';
import { fmt } from '~/util/format';
import { HeatMap, classStyle } from './HeatMap';
import { WeightEditor, clampEdge, type EdgeChoice } from './WeightEditor';
import type * as FileIOModule from './file-io';
import {
  DATASET_INFO,
  LOSS_LABEL,
  MAX_EPOCHS,
  OUTPUT_LABEL,
  activationsOf,
  curvesOf,
  differences,
  fittingPair,
  makeData,
  makeTrainer,
  measure,
  modelFileContext,
  pairVerdict,
  reportNumber,
  resolvePair,
  runKey,
  sizesOf,
  trimIterations,
  type Curves,
  type Measures,
} from './model';
import {
  ACT_KEYS,
  DATASETS,
  HIDDEN_ACTIVATIONS,
  LEARNING_RATES,
  MAX_LAYERS,
  playgroundSchema,
  type PlaygroundState,
} from './state';
import './playground.css';
import meta from './widget.json';

type FileIO = typeof FileIOModule;

/** While training runs, the charts and the network drawing are redrawn at most this often (ms). */
const CHART_INTERVAL = 250;
/** Pace of Play, in epochs per second; 'fast' is as fast as the frame budget allows. */
const SPEEDS = { slow: 20, normal: 120, fast: Infinity } as const;
type Speed = keyof typeof SPEEDS;

const ACTIVATION_LABEL: Record<string, string> = {
  relu: 'ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  linear: 'linear (none)',
};

interface Pinned {
  state: PlaygroundState;
  epoch: number;
  curves: Curves;
}

/** The measures before any training, per trainer (a trainer is created once per run). */
const starts = new WeakMap<Trainer, Measures>();
/**
 * What a chart is drawn from, taken at redraw `at` (the trainer is mutated in place): the curves so
 * far, the epoch count and the losses and accuracies now (for the chart's text description).
 */
function chartSnapshot(trainer: Trainer, at: number) {
  return {
    at,
    epochs: trainer.epochCount,
    now: measure(trainer),
    ...curvesNow(trainer),
  };
}

/** The loss and accuracy curves so far (at most 400 points each). */
const curvesNow = (trainer: Trainer): Curves => curvesOf(startOf(trainer), thin(trainer.history.epochs, 400));

function startOf(trainer: Trainer): Measures {
  let m = starts.get(trainer);
  if (!m) {
    m =
      trainer.iteration === 0
        ? measure(trainer)
        : {
            trainLoss: NaN,
            testLoss: NaN,
            trainAccuracy: null,
            testAccuracy: null,
          };
    starts.set(trainer, m);
  }
  return m;
}

/**
 * Versions for `parts` slow parts of the view (charts, drawing): while `live`, each takes the
 * newest `version` at most every `ms`, and at most one part per render, so the expensive
 * redraws fall in different frames; otherwise all are the newest. `due()` says whether the next
 * render will redraw a part, so that frame can train less.
 */
function useStaggered(version: number, live: boolean, ms: number, parts: number) {
  const last = useRef<{ versions: number[]; times: number[] }>();
  const l = (last.current ??= {
    versions: Array<number>(parts).fill(version),
    times: Array<number>(parts).fill(-Infinity),
  });
  const now = typeof performance !== 'undefined' ? performance.now() : 0;
  if (!live) {
    l.versions.fill(version);
    l.times.fill(now);
  } else {
    let k = -1;
    for (let i = 0; i < parts; i++) if (now - l.times[i]! >= ms && (k < 0 || l.times[i]! < l.times[k]!)) k = i;
    if (k >= 0) {
      l.versions[k] = version;
      l.times[k] = now;
    }
  }
  return { versions: l.versions.slice(), due: () => l.times.some((t) => performance.now() - t >= ms) };
}

/** Training time per frame (ms): less in the frames that redraw the charts and the network. */
const BUDGET = { usual: 6, redraw: 2 };

const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : `${fmt(100 * x, 1)}%`);
const lossText = (x: number) => (Number.isFinite(x) ? fmt(x, 4) : '—');

export default function Playground({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Slider, Select, access } = useWidget('playground', playgroundSchema);
  // A share link can fix the architecture (its buttons disabled) or hide its controls.
  const archLocked = access.locked.has('arch');
  const archHidden = access.hidden.has('arch');
  const [speed, setSpeed] = useState<Speed>('normal');
  const { data: dataName, noise, test, seed } = state;
  const data = useMemo(() => makeData({ data: dataName, noise, test, seed }), [dataName, noise, test, seed]);
  const task = data.info.task;
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

  // Pinned run
  const [pinned, setPinned] = useState<Pinned | undefined>(undefined);
  const lossCurves = useMemo(() => chartSnapshot(trainer, lossVersion), [trainer, lossVersion]);
  const accuracyCurves = useMemo(() => chartSnapshot(trainer, accuracyVersion), [trainer, accuracyVersion]);
  const diff = pinned ? differences(pinned.state, state) : [];

  const lossChart = useMemo(() => {
    const { now } = lossCurves;
    const epochs = Math.max(lossCurves.epochs, pinned?.epoch ?? 0);
    const style = { fontSize: width < 400 ? '12px' : '13px' };
    const pin = pinned?.curves;
    return lossCurve({
      history: lossCurves.trainLoss,
      epochs,
      minEpochs: 50,
      width,
      alt: `Loss against epochs: training loss ${lossText(now.trainLoss)}, test loss ${lossText(now.testLoss)} after ${lossCurves.epochs} epochs${pin ? `, with the pinned run's curves dashed grey` : ''}.`,
      label: `loss (${LOSS_LABEL[pair.loss]})`,
      color: 'var(--c-blue)',
      minTop: 0.05,
      style,
      series: [
        ...(pin
          ? [
              { history: pin.trainLoss, color: 'var(--c-muted)', dash: '2 3' },
              {
                history: pin.testLoss,
                color: 'var(--c-muted)',
                dash: '8 3 2 3',
                width: 1.5,
              },
            ]
          : []),
        { history: lossCurves.testLoss, color: 'var(--c-orange)', dash: '6 3' },
      ],
    });
  }, [lossCurves, pinned, width, pair.loss]);
  const accuracyChart = useMemo(() => {
    const { now } = accuracyCurves;
    const epochs = Math.max(accuracyCurves.epochs, pinned?.epoch ?? 0);
    const style = { fontSize: width < 400 ? '12px' : '13px' };
    const pin = pinned?.curves;
    if (task === 'regression') return undefined;
    return lossCurve({
      history: accuracyCurves.trainAccuracy,
      epochs,
      minEpochs: 50,
      width,
      alt: `Accuracy against epochs: ${pct(now.trainAccuracy)} of the training points and ${pct(now.testAccuracy)} of the test points classified correctly after ${accuracyCurves.epochs} epochs.`,
      label: 'accuracy',
      color: 'var(--c-blue)',
      minTop: 1,
      style,
      series: [
        ...(pin
          ? [
              {
                history: pin.trainAccuracy,
                color: 'var(--c-muted)',
                dash: '2 3',
              },
              {
                history: pin.testAccuracy,
                color: 'var(--c-muted)',
                dash: '8 3 2 3',
                width: 1.5,
              },
            ]
          : []),
        {
          history: accuracyCurves.testAccuracy,
          color: 'var(--c-orange)',
          dash: '6 3',
        },
      ],
    });
  }, [accuracyCurves, pinned, width, task]);

  const colors = useThemeColors();

  // Weight editing
  const [edge, setEdge] = useState<EdgeChoice>({ layer: 0, from: 0, to: 0 });
  const [emphasise, setEmphasise] = useState(false);
  const { pause } = loop;
  const setWeight = useCallback(
    (value: number) => {
      pause();
      const { layer, from, to } = clampEdge(edge, trainer.network.sizes);
      trainer.network.setWeight(layer, from, to, value);
      setEdits((n) => n + 1);
      setEmphasise(true);
    },
    [pause, trainer, edge],
  );

  const oneIteration = () => {
    if (loop.playing) return;
    trainer.step();
    trimIterations(trainer);
    setEdits((n) => n + 1);
  };

  // Export / import
  const [fileMessage, setFileMessage] = useState<{ kind: 'error' | 'ok'; text: string } | undefined>(undefined);
  const [pending, setPending] = useState<{ model: FileIOModule.ImportedModel; file: string } | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  // The question takes the focus when it appears; answering it gives the focus back to the file field.
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);
  // Saving and loading a model need `file-io.ts`, loaded when the reader first uses either (or
  // points at them); while it loads, both controls are disabled so that nothing fires twice.
  const fileIO = useRef<{ loading?: Promise<FileIO>; loaded?: FileIO }>({});
  const [fileLoading, setFileLoading] = useState(false);
  const loadFileIO = () =>
    (fileIO.current.loading ??= import('./file-io').then(
      (m) => (fileIO.current.loaded = m),
      (error: unknown) => {
        fileIO.current.loading = undefined; // the next use tries again
        throw error;
      },
    ));
  const refocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = refocus.current;
    if (fileLoading || !el) return;
    refocus.current = null;
    if (!document.activeElement || document.activeElement === document.body) el.focus();
  }, [fileLoading]);
  const prefetchFileIO = () => void loadFileIO().catch(() => undefined);
  /** Runs `run` with the file module: at once if it is loaded, else once it is (errors shown as the file message). */
  const withFileIO = async (run: (io: FileIO) => void | Promise<void>) => {
    const loaded = fileIO.current.loaded;
    if (loaded) return run(loaded);
    // Disabling the control drops its focus: it gets it back once the module is there.
    refocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setFileLoading(true);
    let io: FileIO;
    try {
      io = await loadFileIO();
    } catch {
      setFileMessage({
        kind: 'error',
        text: 'Saving and loading models could not be set up (the connection may be down). Try again.',
      });
      return;
    } finally {
      setFileLoading(false);
    }
    return run(io);
  };
  const download = () =>
    withFileIO((io) => {
      const name = io.downloadModel(trainer, modelFileContext(state));
      setFileMessage({ kind: 'ok', text: `Saved ${name}.` });
    });
  const readFile = async (file: File | undefined) => {
    setPending(undefined);
    if (!file) return;
    await withFileIO(async (io) => {
      const result = await io.readModelFile(file, modelFileContext(state));
      if (!result.ok) {
        setFileMessage({ kind: 'error', text: result.error });
        return;
      }
      setFileMessage(undefined);
      setPending({ model: result.model, file: file.name });
    });
  };
  const acceptImport = () => {
    if (!pending) return;
    loop.pause();
    imported.current = pending.model.network;
    update(pending.model.patch);
    setImportId((n) => n + 1);
    setFileMessage({
      kind: 'ok',
      text: `Loaded ${pending.model.summary} from ${pending.file}. Restart goes back to these weights.`,
    });
    setPending(undefined);
  };

  const setArch = useCallback((arch: number[]) => update({ arch }), [update]);
  const status = diverged && !loop.stop ? describeDivergence(diverged) : statusText(loop);
  const statusClass = diverged || unhealthy(loop) ? 'widget__status--bad' : loop.stop ? 'widget__status--good' : '';
  const itsPerEpoch = Math.ceil(trainer.xTrain.rows / trainer.batchSize);
  const shape = trainer.network.sizes.join('-');
  const info = DATASET_INFO[state.data];
  const classes = info.classes.length;
  const fit = fittingPair(task);
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

  // The controls column only changes with the set-up (and, slowly, with the run): one vnode, reused while training runs.
  // The decayed learning rate moves with every update: the controls read it at their own redraws
  // (`at`, the trainer being mutated in place).
  const rateNow = useMemo(
    () => ({
      at: slow,
      learningRate: trainer.optimizer.iterations > 0 ? trainer.optimizer.currentLearningRate : Number(state.lr),
    }),
    [trainer, slow, state.lr],
  );
  const controls = useMemo(
    () => (
      <div class="widget__controls">
        <fieldset class="playground__group">
          <legend>Data</legend>
          <Select
            field="data"
            label="Data set"
            options={DATASETS.map((d) => ({
              value: d,
              label: DATASET_INFO[d].label,
            }))}
          />
          <Slider field="noise" label="Noise" />
          <Slider
            field="test"
            label="Test share (held out)"
            // Shown in per cent (10 … 90 in steps of 5), stored as a fraction (0.1 … 0.9 in steps of 0.05).
            value={Math.round(state.test * 100)}
            min={10}
            max={90}
            step={5}
            unit="%"
            onChange={(v) => update({ test: v / 100 })}
          />
          <Slider field="seed" label="Seed" />
          <p class="playground__note">
            {data.train.x.rows} training and {data.test.x.rows} test points. Noise: {info.noise}.
          </p>
        </fieldset>

        <fieldset class="playground__group">
          <legend>Network</legend>
          {!archHidden && (
            <div
              class="control control--buttons"
              role="group"
              aria-label={archLocked ? 'Hidden layers (set by your instructor)' : 'Hidden layers'}
              data-field="arch"
              data-locked={archLocked ? '' : undefined}
            >
              <button
                type="button"
                disabled={archLocked || state.arch.length >= MAX_LAYERS}
                onClick={() => setArch([...state.arch, state.arch.at(-1) ?? 4])}
              >
                Add a hidden layer
              </button>
              <button
                type="button"
                disabled={archLocked || state.arch.length === 0}
                onClick={() => setArch(state.arch.slice(0, -1))}
              >
                Remove a hidden layer
              </button>
            </div>
          )}
          <p class="playground__note" data-readout="architecture">
            {shape}:{' '}
            {state.arch.length === 0
              ? 'no hidden layer (a single layer of weights)'
              : `${state.arch.length} hidden layer${state.arch.length > 1 ? 's' : ''}`}
            , {trainer.network.parameterCount} weights and biases.
          </p>
          {state.arch.map((_, k) => (
            <div class="playground__layer" key={k}>
              <Slider field="arch" label={`Units in hidden layer ${k + 1}`} index={k} />
              <Select
                field={ACT_KEYS[k]!}
                label={`Activation of hidden layer ${k + 1}`}
                options={HIDDEN_ACTIVATIONS.map((a) => ({
                  value: a,
                  label: ACTIVATION_LABEL[a]!,
                }))}
              />
            </div>
          ))}
          <Select
            field="out"
            label="Output activation"
            options={[
              {
                value: 'auto',
                label: `Fits the task (${OUTPUT_LABEL[fit.out]})`,
              },
              { value: 'sigmoid', label: 'Sigmoid' },
              { value: 'softmax', label: 'Softmax' },
              { value: 'linear', label: 'Linear' },
            ]}
          />
          <Select
            field="loss"
            label="Loss"
            options={[
              {
                value: 'auto',
                label: `Fits the task (${LOSS_LABEL[fit.loss]})`,
              },
              { value: 'bce', label: 'Binary cross-entropy' },
              { value: 'cce', label: 'Categorical cross-entropy' },
              { value: 'mse', label: 'Mean squared error' },
            ]}
          />
          {verdict.kind !== 'fits' && (
            <div class={`playground__pair playground__pair--${verdict.kind}`} data-readout="pair">
              <p>
                <strong>
                  {verdict.kind === 'mismatch' ? 'Mismatched pair' : 'Note'}: {OUTPUT_LABEL[pair.out]} output with{' '}
                  {LOSS_LABEL[pair.loss]}.
                </strong>{' '}
                {verdict.why}
              </p>
              <button type="button" onClick={() => update({ out: 'auto', loss: 'auto' })}>
                Use {OUTPUT_LABEL[fit.out]} with {LOSS_LABEL[fit.loss]}
              </button>
            </div>
          )}
        </fieldset>

        <fieldset class="playground__group">
          <legend>Training</legend>
          <Select field="lr" label="Learning rate α₀" options={LEARNING_RATES.map((v) => ({ value: v, label: v }))} />
          <Slider field="decay" label="Decay" />
          <Slider field="mom" label="Momentum β" />
          <Slider field="batch" label="Batch size" />
          <p class="playground__note" data-readout="batch">
            {trainer.batchSize === trainer.xTrain.rows
              ? `The whole training set (${trainer.xTrain.rows} points): batch gradient descent, one update per epoch.`
              : `${trainer.batchSize === 1 ? 'One point per update (stochastic gradient descent)' : `${trainer.batchSize} points per update (mini-batches)`}, ${itsPerEpoch} updates per epoch.`}
            {state.decay > 0 && ` The learning rate is now ${fmt(rateNow.learningRate, 5)}.`}
          </p>
        </fieldset>
      </div>
    ),
    [
      state,
      update,
      trainer,
      rateNow,
      data,
      shape,
      itsPerEpoch,
      setArch,
      archLocked,
      archHidden,
      info.noise,
      fit.loss,
      fit.out,
      pair.loss,
      pair.out,
      verdict.kind,
      verdict.why,
      Slider,
      Select,
    ],
  );

  const editor = useMemo(
    () => (
      <WeightEditor
        network={trainer.network}
        version={slow}
        activations={activationsOf(state).map((a) => ACTIVATION_LABEL[a] ?? a)}
        edge={edge}
        emphasise={emphasise}
        onSelect={(e) => {
          setEdge(e);
          setEmphasise(true);
        }}
        onShowAll={() => setEmphasise(false)}
        onChange={setWeight}
      />
    ),
    [trainer, slow, edge, emphasise, state, setWeight],
  );

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
        setPending(undefined);
        setFileMessage(undefined);
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
          <div class="playground__run">
            <PlayControls
              playing={loop.playing}
              onPlay={loop.play}
              onPause={loop.pause}
              onStep={loop.step}
              stepLabel="One epoch"
              onReset={loop.reset}
              resetLabel="Restart"
            />
            <div class="control control--buttons">
              <button type="button" disabled={loop.playing || !!diverged} onClick={oneIteration}>
                One iteration
              </button>
            </div>
            <Select
              label="Speed"
              value={speed}
              options={[
                { value: 'slow', label: `Slow (${SPEEDS.slow} epochs/s)` },
                {
                  value: 'normal',
                  label: `Normal (${SPEEDS.normal} epochs/s)`,
                },
                { value: 'fast', label: 'As fast as it goes' },
              ]}
              onChange={setSpeed}
            />
          </div>
          <dl class="widget__readout playground__counters">
            <div>
              <dt>Epoch</dt>
              <dd data-readout="epoch">{trainer.epochCount}</dd>
            </div>
            <div>
              <dt>Iteration (updates)</dt>
              <dd data-readout="iteration">{trainer.iteration}</dd>
            </div>
            <div>
              <dt>Loss train / test</dt>
              <dd data-readout="loss">
                {lossText(now.trainLoss)} / {lossText(now.testLoss)}
              </dd>
            </div>
            {task !== 'regression' && (
              <div>
                <dt>Accuracy train / test</dt>
                <dd data-readout="accuracy">
                  {pct(now.trainAccuracy)} / {pct(now.testAccuracy)}
                </dd>
              </div>
            )}
          </dl>
          <p class={`widget__status playground__status ${statusClass}`} data-readout="status">
            <StatusText text={status} />
          </p>
          <HeatMap network={trainer.network} version={version} data={data} colors={colors} width={width} alt={mapAlt} />
          <p class="playground__legend">
            {task === 'regression'
              ? 'Filled dots: training points; hollow: test points. Dotted grey: sin x. Orange: the network’s ŷ(x).'
              : `${info.classes.map((c, k) => `${c}: ${classStyle(classes, k).color} ${classStyle(classes, k).word}`).join('; ')}. Filled: training points; hollow: test points. The shading is the class the network predicts there, paler where it is unsure.`}
          </p>

          <div class="playground__charts">
            <LossChart chart={lossChart} />
            {accuracyChart && <LossChart chart={accuracyChart} />}
            <p class="playground__legend">
              <span class="playground__key playground__key--train" /> training set,{' '}
              <span class="playground__key playground__key--test" /> test set
              {pinned && (
                <>
                  , <span class="playground__key playground__key--pin" /> pinned run, training;{' '}
                  <span class="playground__key playground__key--pintest" /> pinned run, test
                </>
              )}
              .
            </p>
          </div>

          <div class="playground__pin">
            <div class="control control--buttons">
              <button
                type="button"
                onClick={() =>
                  setPinned({
                    state: { ...state, arch: [...state.arch] },
                    epoch: trainer.epochCount,
                    curves: curvesNow(trainer),
                  })
                }
              >
                {pinned ? 'Pin this run instead' : 'Pin this run'}
              </button>
              {pinned && (
                <button type="button" onClick={() => setPinned(undefined)}>
                  Unpin
                </button>
              )}
            </div>
            <p class="playground__note" data-readout="pinned">
              {!pinned
                ? 'Pin a run to keep its curves, then change one setting and train again: both runs start from the same seed.'
                : diff.length === 0
                  ? `Pinned: this set-up, ${pinned.epoch} epochs (dashed grey). Now change one setting.`
                  : `Pinned run (${pinned.epoch} epochs, dashed grey) differs from this one in: ${diff.join('; ')}.`}
            </p>
          </div>

          {editor}

          <fieldset class="playground__file" onPointerEnter={prefetchFileIO} onFocusIn={prefetchFileIO}>
            <legend>Save or load the model</legend>
            <div class="control control--buttons">
              <button type="button" disabled={fileLoading} onClick={() => void download()}>
                Download the model (JSON)
              </button>
            </div>
            <div class="control">
              <label class="control__label" for="playground-import">
                Load a model (JSON file)
              </label>
              <input
                id="playground-import"
                ref={fileInput}
                type="file"
                accept="application/json,.json"
                disabled={fileLoading}
                onChange={(e) => {
                  const input = e.currentTarget as HTMLInputElement;
                  void readFile(input.files?.[0]).finally(() => (input.value = ''));
                }}
              />
            </div>
            {pending && (
              <div class="playground__confirm" role="alertdialog" aria-labelledby="playground-confirm-text">
                <p id="playground-confirm-text">
                  Replace the current model ({shape}, {trainer.epochCount} epochs trained) with {pending.model.summary}{' '}
                  from {pending.file}? The current weights are lost unless you download them first.
                </p>
                <div class="control control--buttons">
                  <button type="button" ref={confirmButton} onClick={acceptImport}>
                    Replace the model
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setPending(undefined);
                      fileInput.current?.focus();
                    }}
                  >
                    Keep the current model
                  </button>
                </div>
              </div>
            )}
            {fileMessage && (
              <p
                class={`playground__file-message playground__file-message--${fileMessage.kind}`}
                role={fileMessage.kind === 'error' ? 'alert' : 'status'}
                data-readout="file"
              >
                {fileMessage.text}
              </p>
            )}
          </fieldset>
        </div>
      </div>
    </WidgetFrame>
  );
}
