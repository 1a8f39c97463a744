/**
 * The text blocks a long part does not lay out while it loads (`content-visibility: auto` in
 * global.css) are missing from chromium's accessibility tree until they are drawn: a screen
 * reader's browse mode would find an empty paragraph. A few seconds after the page has loaded,
 * this draws them a few at a time when the main thread is idle, so the whole text is there soon
 * after and the page's first paint still skips them.
 *
 * What a drawn block costs is mostly not its own layout (≈ 1 ms) but the frame after it: the
 * blocks below move, and pre-paint walks the page again (≈ 6 ms of a backward-pass frame on a
 * desktop CPU, 4× that on a phone). So each idle turn draws a few blocks, reading every block's
 * position once before it writes anything (no layout forced between writes); the drawing starts
 * only once the page's own start is over (islands on the first screen hydrating, their first
 * frames), and it stands aside while the reader scrolls, taps or types, so an input never waits
 * behind a drawn block.
 *
 * Drawing a block gives it its real height in place of the 6rem placeholder. Below the screen that
 * moves nothing the reader sees. Above it, scroll anchoring keeps the screen still, but near the
 * end of the page a block that shrinks pulls the end up and the screen with it (the page cannot
 * scroll past its end), and anchoring rounds to whole pixels. So a block above the screen is
 * drawn only while more than two screens of the page lie below the reader; otherwise it waits
 * until they scroll (measured: drawn within 173 px of the end, the pager at 1280 px moved 1 px).
 */

/** Placeholder height a skipped block stands in with (contain-intrinsic-block-size, 6rem). */
const PLACEHOLDER_REM = 6;
/** Blocks drawn in one idle turn: one frame's pre-paint serves them all. */
const PER_TURN = 3;
/** How long after `load` the drawing starts. */
const START_AFTER_MS = 4000;
/** How long after the reader's last scroll, tap or key the drawing waits. */
const QUIET_MS = 1000;
/** Marks a block the rule in global.css no longer skips. */
export const DRAWN = 'data-drawn';
export interface Viewport {
  /** Top of the screen in page coordinates, and its height. */
  scrollY: number;
  innerHeight: number;
  /** Height of the whole page. */
  scrollHeight: number;
}

/**
 * May this block be drawn now without moving what the reader sees? `blockTop` is its top edge
 * relative to the screen's. Yes when it starts below the screen; otherwise only while more than
 * two screens, plus what the blocks drawn this turn could shrink the page by, lie below it.
 */
export function safeToDraw(blockTop: number, view: Viewport, shrinkAtMost: number): boolean {
  if (blockTop >= view.innerHeight) return true;
  const belowScreen = view.scrollHeight - view.scrollY - view.innerHeight;
  return belowScreen > 2 * view.innerHeight + shrinkAtMost;
}

/**
 * Which of the waiting blocks to draw in one turn: at most `perTurn`, in page order, each safe
 * to draw given those chosen before it (`tops`: each block's top relative to the screen's).
 */
export function chooseBlocks(tops: readonly number[], view: Viewport, placeholder: number, perTurn: number): number[] {
  const chosen: number[] = [];
  for (let i = 0; i < tops.length && chosen.length < perTurn; i++) {
    if (safeToDraw(tops[i]!, view, (chosen.length + 1) * placeholder)) chosen.push(i);
  }
  return chosen;
}

export function drawSkippedBlocksWhenIdle(article: HTMLElement): void {
  let waiting = [...article.children].filter(
    (el): el is HTMLElement => el instanceof HTMLElement && getComputedStyle(el).contentVisibility === 'auto',
  );
  if (!waiting.length) return;
  const placeholder = PLACEHOLDER_REM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
  const idle = (fn: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50);

  let lastInput = -Infinity;
  const noteInput = () => (lastInput = performance.now());
  const inputs = ['scroll', 'pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
  for (const type of inputs) window.addEventListener(type, noteInput, { capture: true, passive: true });

  const turn = () => {
    const sinceInput = performance.now() - lastInput;
    if (sinceInput < QUIET_MS) {
      setTimeout(() => idle(turn), QUIET_MS - sinceInput);
      return;
    }
    const view: Viewport = {
      scrollY: window.scrollY,
      innerHeight: window.innerHeight,
      scrollHeight: document.documentElement.scrollHeight,
    };
    // Every read before any write: one layout for the whole turn.
    const tops = waiting.map((block) => block.getBoundingClientRect().top);
    const chosen = chooseBlocks(tops, view, placeholder, PER_TURN);
    for (const i of chosen) waiting[i]!.setAttribute(DRAWN, '');
    waiting = waiting.filter((_, i) => !chosen.includes(i));
    if (!waiting.length) {
      for (const type of inputs) window.removeEventListener(type, noteInput, { capture: true });
      return;
    }
    // Nothing could be drawn: the reader is at the end. Try again once they scroll.
    if (chosen.length) idle(turn);
    else window.addEventListener('scroll', () => idle(turn), { once: true, passive: true });
  };

  const start = () => setTimeout(() => idle(turn), START_AFTER_MS);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
