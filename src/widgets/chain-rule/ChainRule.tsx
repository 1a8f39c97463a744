/**
 * `chain-rule` — F(x) = f₂(w₂ · f₁(w₁x)) from pieces the reader picks. Every link's value and local
 * derivative is shown with the numbers filled in, their product F′(x) by the chain rule, and the
 * same slope measured numerically by a central difference, with the relative error between them.
 */
import * as Plot from '@observablehq/plot';
import { useMemo, useState } from 'preact/hooks';
import { Chart, linePath, fixedHeight } from '../shared/Chart';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { fmt, fmtTex, sci, sciTex } from '~/util/format';
import { chainRuleSchema as schema, type ChainRuleState } from './state';
import { piece, chain, graph, keepDomain, tangentLine, yDomain, type Chain } from './model';
import './chain-rule.css';
import meta from './widget.json';

const options = schema.f1.options.map((value) => ({ value, label: piece(value).label }));
/** A number as a factor: negatives in parentheses. */
const factor = (v: number, digits = 4) => (v < 0 ? `(${fmtTex(v, digits)})` : fmtTex(v, digits));

export default function ChainRule({ headingLevel }: WidgetProps) {
  const { state, frame, Slider, Select } = useWidget('chain-rule', schema);
  const c = useMemo(() => chain(state), [state]);
  const [box, width] = useWidth(480);
  // The curve depends on the pieces and weights only; it, the tangent and the point are the overlay.
  const { f1, f2, w1, w2 } = state;
  const points = useMemo(() => graph({ f1, f2, w1, w2 }), [f1, f2, w1, w2]);
  // The axes are drawn again only when the y range must change (`keepDomain`: a sigmoid or tanh
  // outside fixes it; otherwise it moves on a coarse ladder) or the width does — not on a press of a
  // weight or of the inner piece. The range shown is state kept from the renders before.
  const [domain, setDomain] = useState(() => yDomain(f2, points));
  const kept = keepDomain(domain, f2, points);
  if (kept !== domain) setDomain(kept);
  const [lo, hi] = kept;
  const chartWidth = Math.max(260, Math.min(width, 560));
  const chartOptions = useMemo(() => axesChart([lo, hi], chartWidth), [lo, hi, chartWidth]);
  const p1 = piece(state.f1);
  const p2 = piece(state.f2);
  const finite = [c.y, c.analytic, c.numeric].every(Number.isFinite);

  const forward =
    `\\begin{aligned} u &= w_1 x = ${factor(state.w1, 1)} \\cdot ${factor(state.x, 1)} = ${fmtTex(c.u, 4)} \\\\ ` +
    `a &= f_1(u) = ${p1.tex(fmtTex(c.u, 4))} = ${fmtTex(c.a, 4)} \\\\ ` +
    `g &= w_2\\, a = ${factor(state.w2, 1)} \\cdot ${factor(c.a)} = ${fmtTex(c.g, 4)} \\\\ ` +
    `F(x) &= f_2(g) = ${p2.tex(fmtTex(c.g, 4))} = ${fmtTex(c.y, 4)} \\end{aligned}`;
  const locals =
    `\\begin{aligned} h'(g) = f_2'(g) &= ${p2.derivative.replace(/z/g, 'g')} = ${fmtTex(c.factors[0], 4)} \\\\ ` +
    `\\partial g / \\partial a &= w_2 = ${fmtTex(c.factors[1], 1)} \\\\ ` +
    `f_1'(u) &= ${p1.derivative.replace(/z/g, 'u')} = ${fmtTex(c.factors[2], 4)} \\\\ ` +
    `\\partial u / \\partial x &= w_1 = ${fmtTex(c.factors[3], 1)} \\end{aligned}`;
  const product =
    `\\begin{aligned} F'(x) &= \\underbrace{f_2'(g)}_{h'(g(x))} \\cdot \\underbrace{w_2 \\, f_1'(w_1 x) \\, w_1}_{g'(x)} \\\\ ` +
    `&= ${factor(c.factors[0])} \\cdot ${factor(c.factors[1], 1)} \\cdot ${factor(c.factors[2])} \\cdot ${factor(c.factors[3], 1)} \\\\ ` +
    `&= ${fmtTex(c.analytic, 8)} \\end{aligned}`;
  const numeric = `\\frac{F(x + h) - F(x - h)}{2h} = ${fmtTex(c.numeric, 8)}`;

  return (
    <WidgetFrame
      {...frame}
      report={{
        analytic: Number(c.analytic.toPrecision(10)),
        numeric: Number(c.numeric.toPrecision(10)),
        relError: Number(c.relError.toPrecision(3)),
        atKink: c.atKink,
      }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Build a two-link chain F(x) = f₂(w₂ · f₁(w₁x)) from the pieces below and move x and the weights. The
          derivative is the product of one local derivative per link; a numerical slope measured on F itself checks it.
          Can you make them disagree? (Try ReLU with x = 0.)
        </p>
      }
      announce={
        finite
          ? `Chain rule F′(x) = ${fmt(c.analytic, 5)}, numerical ${fmt(c.numeric, 5)}, relative error ${sci(c.relError)}.`
          : 'F is not a finite number here.'
      }
    >
      <div class="widget__body widget__body--split chain-rule">
        <div class="widget__controls">
          <Select field="f1" label="Inner piece f₁" options={options} />
          <Select field="f2" label="Outer piece f₂" options={options} />
          <Slider field="x" label="Input x" />
          <Slider field="w1" label="Weight w₁" />
          <Slider field="w2" label="Weight w₂" />
          <dl class="widget__readout">
            <dt>Chain rule F′(x)</dt>
            <dd data-readout="analytic">{fmt(c.analytic, 8)}</dd>
            <dt>Numerical slope (central difference, h = 10⁻⁶)</dt>
            <dd data-readout="numeric">{fmt(c.numeric, 8)}</dd>
            <dt>Relative error |a − n| / (|a| + |n|)</dt>
            <dd data-readout="relError" class={c.relError < 1e-6 ? 'widget__status--good' : 'widget__status--bad'}>
              {sci(c.relError)} {c.relError < 1e-6 ? '— they agree' : '— they disagree'}
            </dd>
          </dl>
          {c.atKink && (
            <p class="chain-rule__kink" data-readout="kink">
              A ReLU sits exactly on its kink (input 0), where it has no derivative. The chain rule uses the convention
              ReLU′(0) = 0; the central difference measures the average of the slopes on either side. Move x a little
              and they agree again.
            </p>
          )}
        </div>
        <div class="chain-rule__out" ref={box}>
          <div
            class="chain-rule__card"
            data-equation="forward"
            role="group"
            aria-label="Forward, link by link"
            tabIndex={0}
          >
            <p class="chain-rule__head">Forward, link by link</p>
            <Tex display tex={forward} />
          </div>
          <div class="chain-rule__card" data-equation="locals" role="group" aria-label="Local derivatives" tabIndex={0}>
            <p class="chain-rule__head">Local derivative of each link</p>
            <Tex display tex={locals} />
          </div>
          <div
            class="chain-rule__card"
            data-equation="product"
            role="group"
            aria-label="Chain-rule product and numerical check"
            tabIndex={0}
          >
            <p class="chain-rule__head">Their product, and the check</p>
            <Tex display tex={product} />
            <Tex display tex={numeric} />
            <Tex display tex={`h = 10^{-6}, \\quad \\text{relative error} = ${sciTex(c.relError)}`} />
          </div>
          <p class="chain-rule__head">
            F(x) over x, and its tangent at x = {fmt(state.x, 1)} (dashed): slope F′(x) = {fmt(c.analytic, 4)}
          </p>
          <Chart
            options={chartOptions}
            sized={fixedHeight(chartOptions)}
            alt={chartAlt(state, c)}
            overlay={(sc) => (
              <>
                <path
                  d={linePath(points, sc)}
                  fill="none"
                  stroke="var(--c-blue)"
                  stroke-width={2.5}
                  stroke-linejoin="round"
                  stroke-linecap="round"
                />
                {Number.isFinite(c.y) && Number.isFinite(c.analytic) && (
                  <path
                    d={linePath(tangentLine(state, c), sc)}
                    clip-path={sc.clip}
                    fill="none"
                    stroke="var(--c-orange)"
                    stroke-width={2}
                    stroke-dasharray="6 4"
                  />
                )}
                {Number.isFinite(c.y) && (
                  <circle
                    cx={sc.x(state.x)}
                    cy={sc.y(c.y)}
                    r={5.5}
                    fill="var(--c-orange)"
                    stroke="var(--c-ink)"
                    stroke-width={1.5}
                  />
                )}
              </>
            )}
          />
        </div>
      </div>
    </WidgetFrame>
  );
}

const chartAlt = (s: ChainRuleState, c: Chain) =>
  `The composite function F over x from −4 to 4, with its tangent line at x = ${fmt(s.x, 1)}, of slope ${fmt(c.analytic, 4)}.`;

/** The axes and grid: what sets the scales (the curve F, its tangent and the point are the overlay). */
function axesChart(domain: [number, number], width: number) {
  return {
    alt: '',
    width,
    height: 220,
    // The axis now ends on a tick: room between its label there and the axis label above it.
    marginTop: 26,
    marginLeft: 48,
    marginBottom: 36,
    x: { label: 'x', domain: [-4, 4] },
    y: { label: 'F(x)', domain },
    marks: [Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7 }), Plot.frame({ stroke: 'none' })],
  };
}
