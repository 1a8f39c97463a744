/** One slice of the surface through the point, along w₁ or w₂: the loss curve and its tangent, whose slope is a partial derivative. */
import * as Plot from '@observablehq/plot';
import { linePath, type ChartScales } from '../shared/Chart';
import { fmt } from '~/util/format';
import { W1_DOMAIN, W2_DOMAIN, type SlicePoint } from './model';

/** The top of a slice's loss axis: rounded up to a step that moves it only now and then. */
export function niceTop(points: readonly { loss: number }[]): number {
  const top = Math.max(...points.map((p) => p.loss)) * 1.05;
  if (!(top > 0) || !Number.isFinite(top)) return 1;
  const step = 10 ** Math.floor(Math.log10(top)) / 2;
  return Math.ceil(top / step) * step;
}

export const sliceAlt = (along: 'w1' | 'w2', w1: number, w2: number, slope: number) => {
  const name = along === 'w1' ? 'w₁' : 'w₂';
  const other = along === 'w1' ? `w₂ = ${fmt(w2)}` : `w₁ = ${fmt(w1)}`;
  return `The loss along ${name} with ${other} held fixed, a curve, with its tangent line at ${name} = ${fmt(along === 'w1' ? w1 : w2)} of slope ${fmt(slope, 3)}.`;
};

/** A slice's axes; its curve, tangent and point are the overlay (`SliceMarks`). */
export function sliceChart(along: 'w1' | 'w2', top: number, boxWidth: number) {
  const wide = boxWidth >= 560;
  const width = Math.max(220, Math.min(wide ? (boxWidth - 16) / 2 : boxWidth, 420));
  const name = along === 'w1' ? 'w₁' : 'w₂';
  return {
    alt: '',
    width,
    height: 190,
    marginLeft: 44,
    marginBottom: 36,
    x: { label: name, domain: along === 'w1' ? W1_DOMAIN : W2_DOMAIN },
    y: { label: 'loss E', domain: [0, top] },
    marks: [Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7 })],
  };
}

export function SliceMarks({
  sc,
  points,
  at,
  loss,
}: {
  sc: ChartScales;
  points: SlicePoint[];
  at: number;
  loss: number;
}) {
  return (
    <>
      <path
        d={linePath(
          points.map((p) => [p.w, p.loss]),
          sc,
        )}
        fill="none"
        stroke="var(--c-blue)"
        stroke-width={2.5}
      />
      <path
        d={linePath(
          points.map((p) => [p.w, p.tangent]),
          sc,
        )}
        clip-path={sc.clip}
        fill="none"
        stroke="var(--c-orange)"
        stroke-width={2}
        stroke-dasharray="6 4"
      />
      <circle cx={sc.x(at)} cy={sc.y(loss)} r={5.5} fill="var(--c-orange)" stroke="var(--c-ink)" stroke-width={1.5} />
    </>
  );
}
