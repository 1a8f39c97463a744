/**
 * `softmax` — logits for apple, orange, banana (up to six classes) turned into probabilities: the
 * exponentials, their sum and the division, each with the current numbers, a bar chart of the
 * probabilities, and the naive formula next to the max-subtracted one. A shift of up to ±1000
 * makes the naive one overflow to Infinity and NaN, computed honestly in float64.
 */
import { ScrollTable } from '../shared/ScrollTable';
import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { Chart, type ChartScales, fixedHeight } from '../shared/Chart';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { softmaxSchema, type SoftmaxState } from './state';
import { CLASSES, EXP_OVERFLOW, compute, numberTex, numberText, type Softmaxes, type Steps } from './model';
import './softmax.css';
import { useWidth } from '../shared/useWidth';
import meta from './widget.json';

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const sub = (i: number) => String(i).replace(/\d/g, (d) => SUB[Number(d)]!);
const logitText = (z: number) => z.toFixed(1).replace('-', '−');
const logitTex = (z: number) => z.toFixed(1);

/** A float64 in a table cell: NaN and Infinity as words (marked), big and tiny numbers with a power of ten. */
function Num({ x, digits = 3 }: { x: number; digits?: number }) {
  const t = numberText(x, digits);
  if (!Number.isFinite(x)) return <span class="softmax__bad">{t.text}</span>;
  if (t.exponent === undefined) return <>{t.mantissa}</>;
  return (
    <>
      {t.mantissa} × 10<sup>{String(t.exponent).replace('-', '−')}</sup>
    </>
  );
}

export default function Softmax({ headingLevel }: WidgetProps) {
  const { state, update, frame, Slider } = useWidget('softmax', softmaxSchema);
  const r = useMemo(() => compute(state), [state]);
  const [box, boxWidth] = useWidth(440);
  const width = Math.max(260, Math.min(560, boxWidth));
  // Axes change with the number of classes, the width and whether the naive formula broke; bars,
  // marks and labels are the overlay.
  const broken = r.naive.probs.slice(0, state.k).some((p) => !Number.isFinite(p));
  const options = useMemo(() => chartOptions(state.k, broken, width), [state.k, broken, width]);
  const classes = CLASSES.slice(0, state.k);
  const naiveOk = r.verdict.kind === 'ok';
  const subLevel = Math.min(6, (headingLevel ?? 3) + 1) as 3 | 4 | 5;

  const announce =
    classes.map((c, i) => `${c} ${numberText(r.stable.probs[i]!).text}`).join(', ') +
    `. Naive formula: ${naiveOk ? 'the same' : r.naive.probs.some(Number.isNaN) ? 'NaN' : 'wrong'}.`;

  return (
    <WidgetFrame
      {...frame}
      report={{ k: state.k, maxProb: Math.max(...r.stable.probs) }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Set the logits of an apple, orange and banana classifier (or up to six classes) and follow the softmax:
          exponentiate, add up, divide. Then shift every logit by hundreds, as in the lecture's (1000, 999, 998.1), and
          compare the textbook formula with the stable one.
        </p>
      }
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider field="k" label="Number of classes" />
          <fieldset class="softmax__logits">
            <legend>Logits z (before the shift)</legend>
            {classes.map((c, i) => (
              <Slider field="z" label={`z${sub(i + 1)} (${c})`} index={i} />
            ))}
          </fieldset>
          <Slider field="shift" label="Add to every logit" />
          <div class="control control--buttons" role="group" aria-label="Shift presets">
            <button type="button" onClick={() => update({ k: 3, z: [2, 1, 0.1, ...state.z.slice(3)], shift: 998 })}>
              The lecture's (1000, 999, 998.1)
            </button>
            <button type="button" onClick={() => update({ shift: -1000 })}>
              Shift by −1000
            </button>
            <button type="button" onClick={() => update({ shift: 0 })}>
              No shift
            </button>
          </div>
        </div>
        <div ref={box} class="softmax__chart">
          <p class="softmax__logit-line" data-readout="logits">
            Logits fed to the softmax: ({r.logits.map(logitText).join(', ')})
          </p>
          <Chart
            options={options}
            sized={fixedHeight(options)}
            alt={chartAlt(state, r)}
            overlay={(sc) => <Bars sc={sc} rows={rowsOf(state, r)} />}
            table={{
              caption: 'Logits and probabilities, naive and stable',
              columns: ['class', 'logit z', 'naive probability', 'stable probability'],
              rows: classes.map((c, i) => [
                c,
                logitText(r.logits[i]!),
                numberText(r.naive.probs[i]!).text,
                numberText(r.stable.probs[i]!).text,
              ]),
            }}
          />
          <p class="softmax__legend">
            <span class="softmax__key softmax__key--bar" aria-hidden="true" /> bars: the stable softmax{' · '}
            {r.naive.probs.every(Number.isFinite) ? (
              <>
                <span class="softmax__key softmax__key--tick" aria-hidden="true" /> dashed marks: the naive formula
              </>
            ) : (
              <>
                <span class="softmax__bad">NaN</span> in the top row: the naive formula has no value
              </>
            )}
          </p>
        </div>
      </div>
      <div class="softmax__compare">
        <Method
          level={subLevel}
          kind="naive"
          title="Naive: the textbook formula"
          classes={classes}
          steps={r.naive}
          texLines={[
            `\\hat{y}_1 &= \\frac{e^{z_1}}{\\sum_j e^{z_j}}`,
            `&= \\frac{e^{${logitTex(r.logits[0]!)}}}{${denominator(r.logits)}}`,
            `&= \\frac{${numberTex(r.naive.exps[0]!)}}{${numberTex(r.naive.sum)}} = ${numberTex(r.naive.probs[0]!)}`,
          ]}
          lead={naiveLead(r)}
          verdict={naiveVerdict(r)}
          good={naiveOk}
        />
        <Method
          level={subLevel}
          kind="stable"
          title="Stable: subtract the largest logit first"
          classes={classes}
          steps={r.stable}
          max={r.stable.max}
          texLines={[
            `\\hat{y}_1 &= \\frac{e^{z_1 - m}}{\\sum_j e^{z_j - m}}, \\quad m = ${logitTex(r.stable.max)}`,
            `&= \\frac{e^{${logitTex(r.stable.exponents[0]!)}}}{${denominator(r.stable.exponents)}}`,
            `&= \\frac{${numberTex(r.stable.exps[0]!)}}{${numberTex(r.stable.sum)}} = ${numberTex(r.stable.probs[0]!)}`,
          ]}
          lead="Always works."
          verdict={
            <>
              Every exponent z − m is at most 0, so each e<sup>z − m</sup> lies between 0 and 1 and the sum between 1
              and {state.k}: nothing can overflow. The probabilities (from the engine's softmax) add up to{' '}
              {numberText(sum(r.stable.probs)).text}.
            </>
          }
          good
        />
      </div>
    </WidgetFrame>
  );
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** e^{z_1} + e^{z_2} + e^{z_3}, or e^{z_1} + e^{z_2} + ⋯ + e^{z_k} when there are more than three. */
function denominator(exponents: number[]): string {
  const terms = exponents.map((z) => `e^{${logitTex(z)}}`);
  return (terms.length <= 3 ? terms : [terms[0], terms[1], '\\cdots', terms.at(-1)]).join(' + ');
}

const LEADS: Record<Softmaxes['verdict']['kind'], string> = {
  ok: 'Works here.',
  overflow: 'Overflow.',
  'sum-overflow': 'Overflow in the sum.',
  underflow: 'Underflow.',
  imprecise: 'Imprecise.',
};

function naiveLead(r: Softmaxes): string {
  return LEADS[r.verdict.kind];
}

const ez = (
  <>
    e<sup>z</sup>
  </>
);

function naiveVerdict(r: Softmaxes): ComponentChildren {
  const big = r.logits.filter((z) => z > EXP_OVERFLOW);
  const maxZ = Math.max(...r.logits);
  switch (r.verdict.kind) {
    case 'ok':
      return (
        <>
          The largest logit, {logitText(maxZ)}, is below {EXP_OVERFLOW.toFixed(2)}, so every {ez} is a finite float64,
          and the result agrees with the stable one (largest difference <Num x={r.verdict.error} />
          ).
        </>
      );
    case 'overflow':
      return (
        <>
          {ez} for z = {big.map(logitText).join(', ')} exceeds the largest float64 (about 1.8 × 10<sup>308</sup>) and
          becomes Infinity; the sum is Infinity, and Infinity / Infinity is NaN (not a number)
          {big.length < r.logits.length ? <>, while each finite {ez} / Infinity comes out as 0.</> : '.'} No usable
          probabilities.
        </>
      );
    case 'sum-overflow':
      return (
        <>
          Each {ez} is still finite, but their sum exceeds the largest float64 and becomes Infinity, so every
          probability comes out as 0: they add up to 0, not 1.
        </>
      );
    case 'underflow':
      return (
        <>
          Every logit is below about −745, so each {ez} rounds to 0. The sum is 0, and 0 / 0 is NaN (not a number). No
          usable probabilities.
        </>
      );
    case 'imprecise':
      return (
        <>
          No overflow, but the result is off by up to <Num x={r.verdict.error} />: the exponentials are so tiny (below
          about 2.2 × 10<sup>−308</sup>, or rounded to 0) that float64 keeps only a few of their digits.
        </>
      );
  }
}

function Method(props: {
  level: 3 | 4 | 5;
  kind: 'naive' | 'stable';
  title: string;
  classes: readonly string[];
  steps: Steps;
  max?: number;
  texLines: string[];
  lead: string;
  verdict: ComponentChildren;
  good: boolean;
}) {
  const { kind, steps } = props;
  const stable = kind === 'stable';
  const Heading = `h${props.level}` as 'h4';
  return (
    <section class={`softmax__method softmax__method--${kind}`} aria-labelledby={`softmax-${kind}-title`}>
      <Heading class="softmax__method-title" id={`softmax-${kind}-title`}>
        {props.title}
      </Heading>
      <p class="softmax__steps">
        {stable
          ? `Subtract the largest logit m = ${logitText(props.max!)}, exponentiate, add up, divide.`
          : 'Exponentiate, add up, divide.'}
      </p>
      <ScrollTable label={`${props.title}: the numbers`}>
        <table class="softmax__table">
          <caption class="visually-hidden">{props.title}, step by step</caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">{stable ? 'z − m' : 'z'}</th>
              <th scope="col">
                {stable ? (
                  <>
                    e<sup>z − m</sup>
                  </>
                ) : (
                  <>
                    e<sup>z</sup>
                  </>
                )}
              </th>
              <th scope="col">÷ sum</th>
            </tr>
          </thead>
          <tbody>
            {props.classes.map((c, i) => (
              <tr>
                <th scope="row">{c}</th>
                <td>{logitText(steps.exponents[i]!)}</td>
                <td data-readout={`${kind}-exp-${i}`}>
                  <Num x={steps.exps[i]!} />
                </td>
                <td data-readout={`${kind}-p-${i}`}>
                  <Num x={steps.probs[i]!} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">sum</th>
              <td />
              <td data-readout={`${kind}-sum`}>
                <Num x={steps.sum} />
              </td>
              <td>
                <Num x={sum(steps.probs)} />
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollTable>
      <Tex display tex={`\\begin{aligned} ${props.texLines.join(' \\\\[3pt] ')} \\end{aligned}`} />
      <p class="softmax__verdict" data-readout={`${kind}-verdict`}>
        <strong class={`widget__status ${props.good ? 'widget__status--good' : 'widget__status--bad'}`}>
          {props.lead}
        </strong>{' '}
        {props.verdict}
      </p>
    </section>
  );
}

interface Row {
  c: string;
  p: number;
  naive: number;
}
const rowsOf = (state: SoftmaxState, r: Softmaxes): Row[] =>
  CLASSES.slice(0, state.k).map((c, i) => ({ c, p: r.stable.probs[i]!, naive: r.naive.probs[i]! }));

function chartAlt(state: SoftmaxState, r: Softmaxes): string {
  const rows = rowsOf(state, r);
  const broken = rows.filter((d) => !Number.isFinite(d.naive));
  return (
    `Bar chart of the probabilities: ${rows.map((d) => `${d.c} ${numberText(d.p).text}`).join(', ')}. ` +
    (broken.length
      ? `The naive formula gives NaN for ${broken.map((d) => d.c).join(', ')}.`
      : 'The naive formula gives the values marked by dashed lines.')
  );
}

/** Axes and the zero line; the bars, the naive marks and the labels are drawn by `Bars`. */
function chartOptions(k: number, broken: boolean, width: number) {
  const classes = CLASSES.slice(0, k);
  // Class names need room: tilt them when the bands get narrow.
  const tilt = width / k < 64;
  return {
    alt: '',
    width,
    height: tilt ? 270 : 250,
    marginLeft: 44,
    marginRight: 8,
    marginTop: 22,
    marginBottom: tilt ? 54 : 34,
    x: { type: 'band' as const, domain: classes, label: null, padding: 0.25, tickRotate: tilt ? -35 : 0 },
    // Room above 1 for the row that reports a naive NaN, clear of the bars and their labels.
    y: {
      domain: [0, broken ? 1.25 : 1.08],
      ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
      label: 'probability',
      grid: true,
    },
    marks: [Plot.ruleY([0], { stroke: 'var(--c-ink)' })],
  };
}

function Bars({ sc, rows }: { sc: ChartScales; rows: Row[] }) {
  const bw = sc.bandwidth;
  const y0 = sc.y(0);
  return (
    <>
      <g fill="var(--c-blue)" fill-opacity={0.85}>
        {rows.map((d) => (
          <rect x={sc.x(d.c)} width={bw} y={Math.min(y0, sc.y(d.p))} height={Math.abs(y0 - sc.y(d.p))} />
        ))}
      </g>
      <line x1={sc.left} x2={sc.right} y1={y0} y2={y0} stroke="var(--c-ink)" />
      <g stroke="var(--c-ink)" stroke-width={3} stroke-dasharray="5 3">
        {rows.map((d) =>
          Number.isFinite(d.naive) ? (
            <line x1={sc.x(d.c)} x2={sc.x(d.c) + bw} y1={sc.y(d.naive)} y2={sc.y(d.naive)} />
          ) : null,
        )}
      </g>
      <g fill="var(--c-ink)" font-weight={600} text-anchor="middle" font-size="13">
        {rows.map((d) => (
          <text x={sc.x(d.c) + bw / 2} y={sc.y(d.p) - 7}>
            {numberText(d.p).text}
          </text>
        ))}
      </g>
      <g fill="var(--c-red)" font-weight={700} text-anchor="middle" font-size="13">
        {rows.map((d) =>
          Number.isFinite(d.naive) ? null : (
            <text x={sc.x(d.c) + bw / 2} y={sc.y(1.2)} dy="0.32em">
              {numberText(d.naive).text}
            </text>
          ),
        )}
      </g>
    </>
  );
}
