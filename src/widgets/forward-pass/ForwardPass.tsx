/**
 * `forward-pass` — the slides' network with three inputs, two hidden neurons and one output (no
 * biases). Set the inputs and the eight weights, choose f and g; the values flow through the
 * diagram and every equation is shown filled in with the current numbers. "Animate the flow"
 * lights the layers one after the other (at once when the reader prefers less motion).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { NetworkDiagram } from '../shared/NetworkDiagram';
import { PlayControls } from '../shared/controls';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { prefersReducedMotion } from '../shared/theme';
import { useWidget } from '../shared/useWidget';
import { forwardPassSchema, hiddenOf, outputOf } from './state';
import {
  ACTIVATIONS,
  STAGES,
  definitionTex,
  diagramLayers,
  diagramWeights,
  equations,
  forward,
  resultText,
  stageHighlight,
  stageText,
} from './model';
import './forward-pass.css';
import meta from './widget.json';

/** Time each layer stays lit while the flow is animated. */
const STAGE_MS = 1100;
const SUB = ['₁', '₂', '₃'];

export default function ForwardPass({ headingLevel }: WidgetProps) {
  const { state, reset, frame, Slider, Select } = useWidget('forward-pass', forwardPassSchema);
  const values = useMemo(() => forward(state), [state]);
  const blocks = useMemo(() => equations(state, values), [state, values]);
  const layers = useMemo(() => diagramLayers(state, values), [state, values]);
  const weights = useMemo(() => diagramWeights(state), [state]);
  const [stage, setStage] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    if (prefersReducedMotion()) {
      // No animation: go straight to the end of the flow, the output.
      setStage(STAGES - 1);
      setPlaying(false);
      return;
    }
    let k = 0;
    setStage(0);
    const timer = window.setInterval(() => {
      k++;
      if (k < STAGES) setStage(k);
      else {
        setStage(null);
        setPlaying(false);
      }
    }, STAGE_MS);
    return () => window.clearInterval(timer);
  }, [playing]);

  const weightSlider = (key: 'w1' | 'w2', index: number, layer: 1 | 2, sub: string, from: string, to: string) => (
    <Slider
      field={key}
      key={`${key}-${index}`}
      label={
        <span>
          w<sup>{layer}</sup>
          <sub>{sub}</sub>{' '}
          <span class="forward-pass__route">
            {from} → {to}
          </span>
        </span>
      }
      ariaLabel={`Weight w${layer === 1 ? '¹' : '²'}${sub.replace(/\d/g, (d) => SUB[Number(d) - 1]!)}, ${from} to ${to}`}
      index={index}
    />
  );

  return (
    <WidgetFrame
      {...frame}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Set the inputs and the weights, and pick the activation functions f (hidden layer) and g (output). Every value
          in the diagram and every equation follows. Try making h₂ positive, or see what the step function does to the
          hidden values.
        </p>
      }
      onReset={() => {
        setPlaying(false);
        setStage(null);
        reset();
      }}
      announce={`${resultText(values)}.`}
    >
      <div class="forward-pass">
        <div class="forward-pass__top">
          <div class="forward-pass__diagram">
            <NetworkDiagram
              layers={layers}
              weights={weights}
              weightScale={3}
              height={300}
              label="The network of the slide: inputs x₁, x₂, x₃, hidden neurons h₁, h₂ and the output ŷ, with the current values and weights"
              highlight={stageHighlight(stage)}
              maxWidth={560}
              idPrefix="forward-pass-diagram"
            />
            <dl class="widget__readout forward-pass__readout">
              <dt>Prediction</dt>
              <dd data-readout="yhat">{resultText(values)}</dd>
            </dl>
            <div class="forward-pass__flow">
              <p class="forward-pass__flow-label">Animate the flow</p>
              <PlayControls
                playing={playing}
                onPlay={() => setPlaying(true)}
                onPause={() => setPlaying(false)}
                onStep={() => setStage((s) => (s === null ? 0 : s + 1 < STAGES ? s + 1 : null))}
                stepLabel="Next layer"
                onReset={() => {
                  setPlaying(false);
                  setStage(null);
                }}
                resetLabel="Show all"
              />
            </div>
            <p class="forward-pass__stage" aria-live="polite" data-readout="stage">
              {stageText(stage, state, values)}
            </p>
          </div>

          <div class="forward-pass__setup">
            <fieldset class="forward-pass__card" data-active={stage === 0 ? '' : undefined}>
              <legend>Inputs</legend>
              {[0, 1, 2].map((i) => (
                <Slider field="x" key={`x-${i}`} label={`x${SUB[i]}`} ariaLabel={`Input x${SUB[i]}`} index={i} />
              ))}
            </fieldset>
            <fieldset class="forward-pass__card">
              <legend>Activation functions</legend>
              <Select
                field="f"
                label="Hidden activation f"
                options={forwardPassSchema.f.options.map((value) => ({ value, label: ACTIVATIONS[value].label }))}
              />
              <Tex tex={definitionTex('f', hiddenOf(state))} />
              <Select
                field="g"
                label="Output activation g"
                options={forwardPassSchema.g.options.map((value) => ({ value, label: ACTIVATIONS[value].label }))}
              />
              <Tex tex={definitionTex('g', outputOf(state))} />
            </fieldset>
          </div>
        </div>

        <div class="forward-pass__neurons">
          {[0, 1].map((j) => (
            <fieldset
              key={`h-${j}`}
              class="forward-pass__card"
              data-equation={`h${j + 1}`}
              data-active={stage === 1 ? '' : undefined}
            >
              <legend>Hidden neuron h{SUB[j]}</legend>
              {[0, 1, 2].map((i) => weightSlider('w1', i * 2 + j, 1, `${i + 1}${j + 1}`, `x${SUB[i]}`, `h${SUB[j]}`))}
              <Tex display tex={blocks[j]!.tex} />
            </fieldset>
          ))}
          <fieldset class="forward-pass__card" data-equation="output" data-active={stage === 2 ? '' : undefined}>
            <legend>Output ŷ</legend>
            {weightSlider('w2', 0, 2, '1y', 'h₁', 'ŷ')}
            {weightSlider('w2', 1, 2, '2y', 'h₂', 'ŷ')}
            <Tex display tex={blocks[2]!.tex} />
          </fieldset>
        </div>
      </div>
    </WidgetFrame>
  );
}
