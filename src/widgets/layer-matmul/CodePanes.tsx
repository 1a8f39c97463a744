/** The slide's NumPy line beside the engine's TypeScript line, and both as runnable code with the current numbers. */
import { CODE_LINE } from './model';

export function CodePanes({ numpy, engine }: { numpy: string; engine: string }) {
  return (
    <>
      <div class="layer-matmul__code layer-matmul__code--lines">
        <div class="layer-matmul__pane">
          <p class="layer-matmul__pane-label">NumPy (the slide)</p>
          <pre class="layer-matmul__line">
            <code>{CODE_LINE.numpy}</code>
          </pre>
        </div>
        <div class="layer-matmul__pane">
          <p class="layer-matmul__pane-label">TypeScript (this site’s engine)</p>
          <pre class="layer-matmul__line">
            <code>{CODE_LINE.engine}</code>
          </pre>
        </div>
      </div>
      <details class="layer-matmul__full">
        <summary>Show both as runnable code with these numbers</summary>
        <div class="layer-matmul__code">
          <pre class="layer-matmul__listing" tabIndex={0} aria-label="NumPy code with the current numbers">
            <code>{numpy}</code>
          </pre>
          <pre class="layer-matmul__listing" tabIndex={0} aria-label="TypeScript code with the current numbers">
            <code>{engine}</code>
          </pre>
        </div>
      </details>
    </>
  );
}
