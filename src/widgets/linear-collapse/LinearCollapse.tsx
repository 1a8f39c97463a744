/**
 * `linear-collapse` — the slide's two-hidden-layer linear network. Edit its ten weights and see
 * the equivalent single layer W₁W₂W₃ computed live with the engine, checked on seeded random
 * inputs; switch the hidden activation to ReLU and watch the collapse fail, in words and numbers.
 */
import { ScrollTable } from '../shared/ScrollTable';
import { useMemo, useState } from 'preact/hooks';
import { Chart } from '../shared/Chart';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { linearCollapseSchema } from './state';
import { SAMPLES, SHOWN, compare, keepDomain, niceDomain, short, shortTex, weightedSumTex } from './model';
import { HEIGHT_RULE, Points, chartAlt, chartOptions } from './CollapseChart';
import './linear-collapse.css';
import { useWidth } from '../shared/useWidth';
import { sci } from '~/util/format';
import meta from './widget.json';

type WeightKey = 'w1' | 'w2' | 'w3';
const LAYERS: { key: WeightKey; legend: string; weights: { label: string }[] }[] = [
  {
    key: 'w1',
    legend: 'Hidden layer 1 (W₁)',
    weights: [{ label: 'x₁ → h₁₁' }, { label: 'x₁ → h₂₁' }, { label: 'x₂ → h₁₁' }, { label: 'x₂ → h₂₁' }],
  },
  {
    key: 'w2',
    legend: 'Hidden layer 2 (W₂)',
    weights: [{ label: 'h₁₁ → h₁₂' }, { label: 'h₁₁ → h₂₂' }, { label: 'h₂₁ → h₁₂' }, { label: 'h₂₁ → h₂₂' }],
  },
  {
    key: 'w3',
    legend: 'Output layer (W₃)',
    weights: [{ label: 'h₁₂ → ŷ' }, { label: 'h₂₂ → ŷ' }],
  },
];

export default function LinearCollapse({ headingLevel }: WidgetProps) {
  const { state, update, frame, Slider, Select } = useWidget('linear-collapse', linearCollapseSchema);
  const result = useMemo(() => compare(state), [state]);
  const [chartBox, boxWidth] = useWidth(440);
  const chartWidth = Math.max(260, Math.min(520, boxWidth));
  // Axes move only when the outputs leave a rounded range, or shrink well inside it (`keepDomain`:
  // a weight nudged back and forth across a rounding step must not redraw the chart on every press);
  // the points and labels are the overlay. The range shown is state kept from the renders before.
  const [domain, setDomain] = useState(() => niceDomain(result));
  const kept = keepDomain(domain, result);
  if (kept !== domain) setDomain(kept);
  const [lo, hi] = kept;
  const options = useMemo(() => chartOptions(lo, hi, chartWidth), [lo, hi, chartWidth]);

  const relu = state.act === 'relu';
  const we = result.product.get(0, 0);
  const wf = result.product.get(1, 0);
  const f = (inner: string) => (relu ? `\\operatorname{ReLU}(${inner})` : inner);
  const [a, b, c, d] = state.w1;
  const [e, g, h, k] = state.w2;
  const equations =
    `\\begin{aligned}` +
    `h_{11} &= ${f(
      weightedSumTex(
        [
          [a!, 'x_1'],
          [c!, 'x_2'],
        ],
        shortTex,
      ),
    )} \\\\` +
    `h_{21} &= ${f(
      weightedSumTex(
        [
          [b!, 'x_1'],
          [d!, 'x_2'],
        ],
        shortTex,
      ),
    )} \\\\` +
    `h_{12} &= ${f(
      weightedSumTex(
        [
          [e!, 'h_{11}'],
          [h!, 'h_{21}'],
        ],
        shortTex,
      ),
    )} \\\\` +
    // In the slide's order: h₂₂ = 1h₂₁ + 2h₁₁
    `h_{22} &= ${f(
      weightedSumTex(
        [
          [k!, 'h_{21}'],
          [g!, 'h_{11}'],
        ],
        shortTex,
      ),
    )} \\\\` +
    `\\hat{y} &= ${weightedSumTex(
      [
        [state.w3[0]!, 'h_{12}'],
        [state.w3[1]!, 'h_{22}'],
      ],
      shortTex,
    )}` +
    `\\end{aligned}`;
  const m = (rows: number[][]) =>
    `\\begin{bmatrix}${rows.map((r) => r.map((v) => shortTex(v)).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
  const product = `W_1 W_2 W_3 = ${m([
    [a!, b!],
    [c!, d!],
  ])}${m([
    [e!, g!],
    [h!, k!],
  ])}${m([[state.w3[0]!], [state.w3[1]!]])} = ${m([[we], [wf]])}`;
  const singleLayer = `\\hat{y} ${relu ? '\\overset{?}{=}' : '='} ${weightedSumTex(
    [
      [we, 'x_1'],
      [wf, 'x_2'],
    ],
    shortTex,
  )}`;

  const holds = result.mismatches === 0;
  const worst = result.worst;
  const lead = holds ? (relu ? 'Still collapsed.' : 'The collapse holds.') : 'No collapse.';
  const verdict = holds
    ? relu
      ? `With these weights ReLU happens to change nothing on the ${SAMPLES} random inputs: the network and the single layer still agree (largest difference ${sci(result.maxDifference)}). Try weights that make some hidden sum negative.`
      : `On all ${SAMPLES} random inputs the network and the single layer ŷ = ${short(we)}x₁ + ${short(wf)}x₂ give the same output (${result.maxDifference === 0 ? 'exactly' : `up to ${sci(result.maxDifference)}, float64 rounding`}).`
    : `With ReLU the network and the "equivalent" single layer disagree on ${result.mismatches} of ${SAMPLES} random inputs. The largest difference is ${short(result.maxDifference)}, at x = (${short(worst.x1, 2)}, ${short(worst.x2, 2)}), where the network gives ${short(worst.network)} and the single layer ${short(worst.single)}.`;
  const why = relu
    ? `ReLU outputs 0 wherever a hidden weighted sum is negative; that happened for ${result.clipped} of the ${SAMPLES} inputs. Only where no neuron was switched off does the network still act like the single layer.`
    : undefined;

  return (
    <WidgetFrame
      {...frame}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          The slide's network with two hidden layers. Change any weight: the product of the three weight matrices is the
          single layer that computes exactly the same thing, checked on {SAMPLES} random inputs. Then switch the hidden
          activation to ReLU.
        </p>
      }
      announce={
        holds
          ? `Collapse holds: y-hat equals ${short(we)} x1 plus ${short(wf)} x2.`
          : `No collapse: ${result.mismatches} of ${SAMPLES} inputs disagree, by up to ${short(result.maxDifference)}.`
      }
    >
      <div class="linear-collapse__controls">
        <div class="linear-collapse__top">
          <Select
            field="act"
            label="Hidden activation"
            options={[
              { value: 'linear', label: 'Linear (identity)' },
              { value: 'relu', label: 'ReLU' },
            ]}
          />
          <button type="button" onClick={() => update({ seed: (state.seed % 9999) + 1 })}>
            New random inputs
          </button>
        </div>
        <div class="linear-collapse__layers">
          {LAYERS.map((layer) => (
            <fieldset class="linear-collapse__layer">
              <legend>{layer.legend}</legend>
              {layer.weights.map((wt, i) => (
                <Slider field={layer.key} label={wt.label} index={i} />
              ))}
            </fieldset>
          ))}
        </div>
      </div>
      <div class="linear-collapse__results">
        <div>
          <p class="linear-collapse__label">
            The network{relu ? ' (ReLU on both hidden layers)' : ' (all neurons linear)'}
          </p>
          <Tex display tex={equations} />
          <p class="linear-collapse__label">Its equivalent single layer, by the engine's matrix product</p>
          <Tex display tex={product} />
          <Tex display tex={singleLayer} />
          <p class="linear-collapse__verdict" data-readout="verdict">
            <strong
              class={`widget__status ${holds && !relu ? 'widget__status--good' : holds ? '' : 'widget__status--bad'}`}
            >
              {lead}
            </strong>{' '}
            {verdict}
          </p>
          {why && <p class="linear-collapse__why">{why}</p>}
        </div>
        <div ref={chartBox}>
          <Chart
            options={options}
            sized={HEIGHT_RULE}
            alt={chartAlt(result)}
            overlay={(sc) => <Points sc={sc} state={state} result={result} />}
            table={{
              caption: `All ${SAMPLES} random inputs with the network's and the single layer's output`,
              columns: ['x₁', 'x₂', 'network ŷ', 'single layer ŷ', 'difference'],
              rows: result.samples.map((p) => [
                short(p.x1, 2),
                short(p.x2, 2),
                short(p.network),
                short(p.single),
                sci(p.difference),
              ]),
            }}
          />
        </div>
      </div>
      <ScrollTable label="The first random inputs" class="linear-collapse__table">
        <table>
          <caption>
            The first {SHOWN} of {SAMPLES} random inputs (seed {state.seed})
          </caption>
          <thead>
            <tr>
              <th scope="col">x₁</th>
              <th scope="col">x₂</th>
              <th scope="col">network ŷ</th>
              <th scope="col">single ŷ</th>
              <th scope="col">difference</th>
            </tr>
          </thead>
          <tbody>
            {result.samples.slice(0, SHOWN).map((p) => (
              <tr class={p.agree ? '' : 'linear-collapse__off'}>
                <td>{short(p.x1, 2)}</td>
                <td>{short(p.x2, 2)}</td>
                <td>{short(p.network, 2)}</td>
                <td>{short(p.single, 2)}</td>
                <td>
                  {p.agree ? sci(p.difference) : short(p.difference, 2)}
                  {p.agree ? '' : ' ✗'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <dl class="widget__readout">
        <dt>Largest difference over all {SAMPLES} inputs</dt>
        <dd data-readout="max-difference">{sci(result.maxDifference)}</dd>
        <dt>Inputs where the two disagree</dt>
        <dd data-readout="mismatches">
          {result.mismatches} of {SAMPLES}
        </dd>
      </dl>
    </WidgetFrame>
  );
}
