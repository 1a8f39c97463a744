/**
 * `activation-derivatives` — what backpropagation multiplies by at each activation. ReLU′ and σ′
 * as curves with the current input x (slider, or drag across the chart), and the softmax
 * Jacobian ∂S_i/∂z_j = S_i δ_ij − S_i S_j for logits the reader sets, as a heat-map table with
 * the numbers in the cells and the row sums, beside the slides' NumPy line that builds it.
 */
import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { Chart, type ChartPointer, type ChartScales, chartHeight, type ChartSizing } from '../shared/Chart';
import { symbolPath } from '~/charts/plot';
import { ScrollTable } from '../shared/ScrollTable';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
import { fmt, fmtTex, sci } from '~/util/format';
import { activationDerivativesSchema } from './state';
import { J_MAX, X_MAX, X_MIN, jacobian, numpyMatrix, probe, reluPieces, sigmoidCurve, type Probe } from './model';
import './activation-derivatives.css';
import meta from './widget.json';

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const sub = (i: number) => String(i).replace(/\d/g, (d) => SUB[Number(d)]!);
const SIGMOID_CURVE = sigmoidCurve();
const RELU_PIECES = reluPieces();

export default function ActivationDerivatives({ headingLevel }: WidgetProps) {
  const { state, update, frame, Slider } = useWidget('activation-derivatives', activationDerivativesSchema);
  const p = useMemo(() => probe(state.x), [state.x]);
  const { k, z } = state;
  const j = useMemo(() => jacobian({ k, z }), [k, z]);
  const [box, boxWidth] = useWidth(520);
  const width = Math.max(260, Math.min(640, boxWidth));
  // The curves are drawn once per width; the probe moves in the overlay.
  const options = useMemo(() => derivativeChart(width), [width]);

  const onPointer = (e: ChartPointer) => update({ x: clampToField(activationDerivativesSchema.x, e.x) });
  const X = fmtTex(state.x);
  const texRelu = `\\text{ReLU}'(${X}) = \\mathbf{1}(${X} > 0) = ${p.reluDerivative}`;
  const texSigmoid = `\\begin{aligned} \\sigma'(${X}) &= \\sigma(${X})\\,\\bigl(1 - \\sigma(${X})\\bigr) \\\\[2pt] &\\approx ${fmtTex(p.sigmoid, 3)} \\times ${fmtTex(1 - p.sigmoid, 3)} \\approx ${fmtTex(p.sigmoidDerivative, 3)} \\end{aligned}`;
  const code = [
    `# S = softmax(z) = [${j.probs.map((v) => v.toFixed(3)).join(', ')}]`,
    'prob = prob.reshape(-1, 1) # prob == S',
    'dz = np.diagflat(prob) - np.dot(prob, prob.T)',
    '# dz, to three decimals:',
    ...numpyMatrix(j.matrix).map((l) => `# ${l}`),
  ].join('\n');

  return (
    <WidgetFrame
      {...frame}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Move x (slider, or drag across the chart) and read the slope each activation passes back. Then set the logits
          of a softmax: its derivative is a whole matrix, one entry for every output S<sub>i</sub> and logit z
          <sub>j</sub>.
        </p>
      }
      announce={`At x = ${fmt(state.x)}: ReLU slope ${p.reluDerivative}, sigmoid slope ${fmt(p.sigmoidDerivative, 3)}. Softmax probabilities ${j.probs.map((v) => fmt(v, 3)).join(', ')}.`}
      report={{
        x: state.x,
        reluDerivative: p.reluDerivative,
        sigmoidDerivative: Number(p.sigmoidDerivative.toFixed(12)),
        k: state.k,
        jacobianRowSumMax: j.rowSumMax,
      }}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider label="Input x" field="x" />
          <dl class="widget__readout">
            <dt>ReLU′(x)</dt>
            <dd data-readout="relu">
              {p.reluDerivative}
              {state.x === 0 ? ' (the corner: 0 by convention)' : ''}
            </dd>
            <dt>σ′(x)</dt>
            <dd data-readout="sigmoid">{fmt(p.sigmoidDerivative, 3)}</dd>
          </dl>
        </div>
        <div ref={box} class="activation-derivatives__chart">
          <Chart
            options={options}
            sized={HEIGHT_RULE}
            onPointer={onPointer}
            alt={chartAlt(p)}
            overlay={(sc) => <ProbeMarks sc={sc} p={p} />}
            table={{
              caption: `Derivatives at x = ${fmt(state.x)}`,
              columns: ['function', 'f(x)', 'f′(x)'],
              rows: [
                ['ReLU', fmt(p.relu, 3), String(p.reluDerivative)],
                ['sigmoid', fmt(p.sigmoid, 3), fmt(p.sigmoidDerivative, 3)],
              ],
            }}
          />
          <p class="activation-derivatives__legend">
            <span class="activation-derivatives__key activation-derivatives__key--sigmoid" aria-hidden="true" /> σ′(x),
            solid, ● at x{' · '}
            <span class="activation-derivatives__key activation-derivatives__key--relu" aria-hidden="true" /> ReLU′(x),
            dashed, ■ at x
          </p>
          <Tex display tex={texRelu} />
          <Tex display tex={texSigmoid} />
        </div>
      </div>
      <div class="activation-derivatives__softmax">
        <div class="widget__controls">
          <Slider label="Number of classes K" field="k" />
          <fieldset class="activation-derivatives__logits">
            <legend>Logits z</legend>
            {j.logits.map((_, i) => (
              <Slider label={`z${sub(i + 1)}`} field="z" index={i} />
            ))}
          </fieldset>
        </div>
        <div class="activation-derivatives__matrix">
          <p class="activation-derivatives__probs" data-readout="probs">
            S = softmax(z) = ({j.probs.map((v) => fmt(v, 3)).join(', ')})
          </p>
          <Tex
            display
            tex={`\\begin{aligned} \\frac{\\partial S_i}{\\partial z_j} &= S_i \\delta_{ij} - S_i S_j \\\\[3pt] \\frac{\\partial S_1}{\\partial z_1} &= S_1 (1 - S_1) = ${fmtTex(j.matrix[0]![0]!, 3)} \\\\[3pt] \\frac{\\partial S_1}{\\partial z_2} &= -S_1 S_2 = ${fmtTex(j.matrix[0]![1]!, 3)} \\end{aligned}`}
          />
          <ScrollTable label="Softmax Jacobian">
            <table class="activation-derivatives__heat">
              <caption>
                Softmax Jacobian: row i, column j is ∂S<sub>i</sub>/∂z<sub>j</sub>
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    ∂S<sub>i</sub>/∂z<sub>j</sub>
                  </th>
                  {j.logits.map((_, c) => (
                    <th scope="col">z{sub(c + 1)}</th>
                  ))}
                  <th scope="col">row sum</th>
                </tr>
              </thead>
              <tbody>
                {j.matrix.map((row, r) => (
                  <tr>
                    <th scope="row">S{sub(r + 1)}</th>
                    {row.map((v, c) => (
                      <td
                        data-readout={`j-${r}-${c}`}
                        class={
                          v > 0 ? 'activation-derivatives__pos' : v < 0 ? 'activation-derivatives__neg' : undefined
                        }
                        style={{ '--strength': `${Math.round((Math.min(Math.abs(v), J_MAX) / J_MAX) * 50)}%` }}
                      >
                        {v > 0 ? '+' : ''}
                        {fmt(v, 3)}
                      </td>
                    ))}
                    <td class="activation-derivatives__rowsum" data-readout={`rowsum-${r}`}>
                      {fmt(j.rowSums[r]!, 3)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <p class="activation-derivatives__legend">
            <span
              class="activation-derivatives__swatch activation-derivatives__pos"
              style={{ '--strength': '50%' }}
              aria-hidden="true"
            />{' '}
            positive (+, only on the diagonal){' · '}
            <span
              class="activation-derivatives__swatch activation-derivatives__neg"
              style={{ '--strength': '50%' }}
              aria-hidden="true"
            />{' '}
            negative (−). The deeper the colour (darker on a light page, brighter on a dark one), the larger the entry
            in size; none can exceed 0.25. Every row sums to 0 (largest |row sum| here:{' '}
            <span data-readout="rowsum-max">{sci(j.rowSumMax)}</span>, rounding only).
          </p>
          <figure class="activation-derivatives__code">
            <figcaption>The slides' NumPy, with the current numbers</figcaption>
            <pre tabIndex={0} aria-label="NumPy code for the softmax Jacobian, with the current numbers">
              <code>{code}</code>
            </pre>
          </figure>
        </div>
      </div>
    </WidgetFrame>
  );
}

const chartAlt = (p: Probe) =>
  `The derivatives of the sigmoid (a bump peaking at 0.25 at x = 0) and of ReLU (0 for negative x, 1 for positive x) for x from ${X_MIN} to ${X_MAX}. At x = ${fmt(p.x)}: σ′ = ${fmt(p.sigmoidDerivative, 3)}, ReLU′ = ${p.reluDerivative}.`;

/** The probe at x: a dashed rule, both derivatives' dots and the label. */
function ProbeMarks({ sc, p }: { sc: ChartScales; p: Probe }) {
  const px = sc.x(p.x);
  return (
    <>
      <line
        x1={px}
        x2={px}
        y1={sc.top}
        y2={sc.bottom}
        stroke="var(--c-ink)"
        stroke-dasharray="2 3"
        stroke-opacity={0.8}
      />
      <g stroke="var(--bg)" stroke-width={1.5}>
        <path d={symbolPath('circle', px, sc.y(p.sigmoidDerivative), 6)} fill="var(--c-blue)" />
        <path d={symbolPath('square', px, sc.y(p.reluDerivative), 6)} fill="var(--c-green)" />
      </g>
      <text x={sc.right} y={sc.top - 16} dy="0.32em" text-anchor="end" fill="var(--c-ink)" font-size="13">
        x = {fmt(p.x)}
      </text>
    </>
  );
}

/** The chart's height for its width (the server reserves it before the chart is drawn). */
const HEIGHT_RULE: ChartSizing = { min: 200, max: 250, perWidth: 0.42 };

/** The two derivative curves and ReLU′'s jump: what does not move with the probe. */
function derivativeChart(width: number) {
  return {
    alt: '',
    width,
    height: chartHeight(width, HEIGHT_RULE),
    marginTop: 20,
    marginRight: 12,
    marginBottom: 34,
    marginLeft: 44,
    x: { domain: [X_MIN, X_MAX], label: 'x', labelAnchor: 'right' as const },
    y: { domain: [-0.05, 1.12], label: 'slope f′(x)', labelAnchor: 'top' as const, grid: true, nice: false },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.ruleX([0], { stroke: 'var(--c-grid)' }),
      Plot.line(SIGMOID_CURVE, { x: 'x', y: 'y', stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.line(RELU_PIECES, {
        x: 'x',
        y: 'y',
        z: 'piece',
        stroke: 'var(--c-green)',
        strokeWidth: 2.5,
        strokeDasharray: '7 4',
      }),
      // The jump of ReLU′ at 0: filled where the engine's value is (0), hollow at the other side's limit.
      Plot.dot([{ x: 0, y: 0 }], { x: 'x', y: 'y', r: 4, fill: 'var(--c-green)' }),
      Plot.dot([{ x: 0, y: 1 }], { x: 'x', y: 'y', r: 4, fill: 'var(--bg)', stroke: 'var(--c-green)', strokeWidth: 2 }),
    ],
  };
}
