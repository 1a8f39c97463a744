/**
 * `backprop-stepper` — one training step of the lecture's 3-2-1 network, one equation at a time:
 * the forward pass (inputs, hidden layer, output, loss), then backprop's seven steps, each filled in
 * with the current numbers and lit in the network diagram, ending with the weight update. Beside
 * it, every weight's backprop gradient is checked against a central difference.
 */
import { ScrollTable } from '../shared/ScrollTable';
import { useMemo } from 'preact/hooks';
import { NetworkDiagram } from '../shared/NetworkDiagram';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { fmt, sci } from '~/util/format';
import { backpropStepperSchema as schema } from './state';
import { TOTAL_STEPS, backprop, diagramLayers, diagramWeights, steps } from './model';
import './backprop-stepper.css';
import meta from './widget.json';

const ACT_LABELS = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'tanh', linear: 'Linear' } as const;

export default function BackpropStepper({ headingLevel }: WidgetProps) {
  const { state, update, frame, Slider, Select, access } = useWidget('backprop-stepper', schema);
  // A share link can fix the step (the buttons are disabled) or hide the buttons (only the count shows).
  const stepHidden = access.hidden.has('step');
  const stepLocked = access.locked.has('step');
  const { f, g, loss, y, alpha } = state;
  const setup = useMemo(() => ({ f, g, loss, y, alpha }), [f, g, loss, y, alpha]);
  const b = useMemo(() => backprop(setup), [setup]);
  const views = useMemo(() => steps(setup, b), [setup, b]);
  const index = Math.min(TOTAL_STEPS, Math.max(1, Math.round(state.step))) - 1;
  const view = views[index]!;
  const layers = useMemo(() => diagramLayers(setup, b), [setup, b]);
  const updated = index === TOTAL_STEPS - 1;
  const weights = useMemo(() => diagramWeights(b, updated), [b, updated]);
  const go = (step: number) => update({ step: Math.min(TOTAL_STEPS, Math.max(1, step)) });
  // Rows of the gradient check computed so far (step 3 = backprop 3 = index 6; step 6 = index 9).
  const computed = (row: { step: number }) => index >= row.step + 3;
  const bceLinear = state.loss === 'bce' && state.g === 'linear';

  return (
    <WidgetFrame
      {...frame}
      report={{
        step: index + 1,
        totalSteps: TOTAL_STEPS,
        loss: Number(b.loss.toFixed(6)),
        lossAfter: Number(b.lossAfter.toFixed(6)),
        maxRelError: Number(b.maxRelError.toPrecision(3)),
      }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          The small network of the lecture on real numbers. Step forward through the forward pass, then backwards
          through the seven steps of backpropagation to the weight update. Change the loss, the activations, the target
          or α and the numbers follow; the table checks every gradient against a numerical one.
        </p>
      }
      announce={`Step ${index + 1} of ${TOTAL_STEPS}. ${view.text}`}
    >
      <div class="backprop-stepper">
        <div class="backprop-stepper__top">
          <div class="backprop-stepper__main">
            <NetworkDiagram
              layers={layers}
              weights={weights}
              weightScale={2}
              digits={3}
              height={280}
              label={`The 3-2-1 network with its loss: inputs x₁, x₂, x₃, hidden h₁, h₂, output ŷ and loss E${updated ? ', edges showing the updated weights' : ''}`}
              highlight={view.highlight}
              maxWidth={600}
              idPrefix="backprop-stepper-diagram"
            />
            {stepHidden ? (
              <p class="backprop-stepper__count" data-readout="count">
                Step {index + 1} of {TOTAL_STEPS}
              </p>
            ) : (
              <div
                class="backprop-stepper__nav"
                data-field="step"
                data-locked={stepLocked ? '' : undefined}
                role="toolbar"
                aria-label={stepLocked ? 'Steps (set by your instructor)' : 'Steps'}
                onKeyDown={(e) => {
                  if (stepLocked) return;
                  if (e.key === 'ArrowRight') go(index + 2);
                  if (e.key === 'ArrowLeft') go(index);
                }}
              >
                {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus at either end. */}
                <button
                  type="button"
                  onClick={() => go(index)}
                  aria-disabled={stepLocked || index === 0 ? 'true' : undefined}
                >
                  ← Previous
                </button>
                <button
                  type="button"
                  onClick={() => go(index + 2)}
                  aria-disabled={stepLocked || index === TOTAL_STEPS - 1 ? 'true' : undefined}
                >
                  Next →
                </button>
                <button
                  type="button"
                  onClick={() => go(1)}
                  aria-disabled={stepLocked || index === 0 ? 'true' : undefined}
                >
                  Back to the start
                </button>
                <span class="backprop-stepper__count" data-readout="count">
                  Step {index + 1} of {TOTAL_STEPS}
                  {stepLocked && <span class="visually-hidden"> (set by your instructor)</span>}
                </span>
              </div>
            )}
            <ol class="backprop-stepper__track" aria-label="Where you are">
              {views.map((v, k) => (
                <li key={k} data-phase={v.phase} aria-current={k === index ? 'step' : undefined} title={v.title}>
                  <span class="visually-hidden">{v.title}</span>
                  <span aria-hidden="true">{v.phase === 'forward' ? `F${k + 1}` : k - 3}</span>
                </li>
              ))}
            </ol>
            <section
              class="backprop-stepper__step"
              data-phase={view.phase}
              data-step={index + 1}
              aria-label="Current step"
            >
              <p class="backprop-stepper__title" data-readout="title">
                {view.title}
              </p>
              <p class="backprop-stepper__text" data-readout="text">
                {view.text}
              </p>
              <div
                class="backprop-stepper__tex"
                data-equation="step"
                tabIndex={0}
                role="group"
                aria-label="The step's equation"
              >
                <Tex display tex={view.tex} />
              </div>
            </section>
          </div>
          <div class="backprop-stepper__setup">
            <Select
              field="loss"
              label="Loss E"
              options={[
                { value: 'bce', label: 'Binary cross-entropy' },
                { value: 'mse', label: 'Squared error (MSE)' },
              ]}
            />
            <Select
              field="f"
              label="Hidden activation f"
              options={schema.f.options.map((value) => ({ value, label: ACT_LABELS[value] }))}
            />
            <Select
              field="g"
              label="Output activation g"
              options={schema.g.options.map((value) => ({ value, label: ACT_LABELS[value] }))}
            />
            <Slider field="y" label="Target y" />
            <Slider field="alpha" label="Learning rate α" />
            {bceLinear && (
              <p class="backprop-stepper__warn" data-readout="warning">
                Cross-entropy expects ŷ between 0 and 1, which a linear output does not promise; the engine clips ŷ to
                [10⁻⁷, 1 − 10⁻⁷] before taking logarithms, and where it clips, the gradient is that of the clipped
                value. A sigmoid output is the usual partner.
              </p>
            )}
            <dl class="widget__readout">
              <dt>Loss before → after the update</dt>
              <dd data-readout="loss">
                {b.finite ? `${fmt(b.loss, 4)} → ${fmt(b.lossAfter, 4)}` : 'not a finite number'}
                {b.finite && b.lossAfter > b.loss ? ' (went up: α is too large for this step)' : ''}
              </dd>
              <dt>Largest relative error, backprop vs. numerical</dt>
              <dd
                data-readout="maxRelError"
                class={b.maxRelError < 1e-6 ? 'widget__status--good' : 'widget__status--bad'}
              >
                {sci(b.maxRelError)} {b.maxRelError < 1e-6 ? '— every gradient agrees' : '— some gradient disagrees'}
              </dd>
            </dl>
          </div>
        </div>
        <p class="backprop-stepper__checknote">
          Gradient check: each weight's ∂E/∂w from backprop against the central difference (E(w + ε) − E(w − ε)) / 2ε
          with ε = 10⁻⁵, both from the engine (its gradientCheck). The backprop column fills in as the backward pass
          reaches each weight (step 3 for w², step 6 for w¹).
        </p>
        <ScrollTable label="Gradient check table">
          <table class="backprop-stepper__check">
            <caption class="visually-hidden">
              Gradient check of every weight: backprop against the central difference
            </caption>
            <thead>
              <tr>
                <th scope="col">Weight</th>
                <th scope="col">Backprop ∂E/∂w</th>
                <th scope="col">Numerical</th>
                <th scope="col">Relative error</th>
              </tr>
            </thead>
            <tbody>
              {b.checks.map((row) => {
                const shown = computed(row);
                const current = index === row.step + 3;
                return (
                  <tr key={row.name} data-weight={row.name} data-active={current ? '' : undefined}>
                    <th scope="row">{row.name}</th>
                    <td>{shown ? fmt(row.analytic, 6) : '…'}</td>
                    <td>{fmt(row.numeric, 6)}</td>
                    <td>{shown ? sci(row.relError) : '…'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </WidgetFrame>
  );
}
