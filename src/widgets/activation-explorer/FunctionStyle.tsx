/** How each activation function is drawn: colour, dash and probe symbol (never colour alone), and its legend swatch. */
import type { SymbolName } from '~/charts/plot';
import type { FunctionName } from './model';

/** Colour, dash and probe symbol of each function (never colour alone). */
export const STYLE: Record<FunctionName, { color: string; dash?: string; symbol: SymbolName }> = {
  step: { color: 'var(--c-purple)', dash: '12 3 3 3', symbol: 'diamond' },
  linear: { color: 'var(--c-ink)', dash: '16 5', symbol: 'triangle' },
  sigmoid: { color: 'var(--c-blue)', symbol: 'circle' },
  tanh: { color: 'var(--c-orange)', dash: '7 4', symbol: 'square' },
  relu: { color: 'var(--c-green)', dash: '2 4', symbol: 'star' },
  leaky: { color: 'var(--c-red)', dash: '12 3 2 3 2 3', symbol: 'cross' },
};

export function Swatch({ fn }: { fn: FunctionName }) {
  const s = STYLE[fn];
  return (
    <svg class="activation-explorer__swatch" width="30" height="12" viewBox="0 0 30 12" aria-hidden="true">
      <line
        x1="1"
        y1="6"
        x2="29"
        y2="6"
        stroke={s.color}
        stroke-width="2.5"
        stroke-dasharray={s.dash}
        stroke-linecap={fn === 'relu' ? 'round' : 'butt'}
      />
    </svg>
  );
}
