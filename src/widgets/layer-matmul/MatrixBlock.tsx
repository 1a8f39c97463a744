/** One matrix of Z = XW + B: its caption (symbol, meaning, shape) above a grid of its entries. */
import type { ComponentChildren } from 'preact';

export function Block({
  area,
  id,
  symbol,
  what,
  shape,
  cols,
  labelled = false,
  indent = false,
  output = false,
  children,
}: {
  area: string;
  id: string;
  symbol: string;
  what: string;
  shape: string;
  cols: number;
  labelled?: boolean;
  /** Leave room for the example labels of X and Z, so W's columns stay above Z's. */
  indent?: boolean;
  output?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div
      class={`layer-matmul__block layer-matmul__block--${area}`}
      role="group"
      aria-labelledby={`${id}-caption`}
      data-block={area}
    >
      <p class="layer-matmul__caption" id={`${id}-caption`}>
        <strong>{symbol}</strong>
        {what && ` ${what}`} <span class="layer-matmul__shape">({shape})</span>
        {output && <span class="visually-hidden">, computed</span>}
      </p>
      <div
        class={`layer-matmul__grid ${labelled ? 'layer-matmul__grid--labelled' : ''} ${indent ? 'layer-matmul__grid--indent' : ''}`}
        style={{ '--lm-cols': cols }}
      >
        {children}
      </div>
    </div>
  );
}
