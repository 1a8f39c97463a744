/**
 * The text blocks a long part does not lay out while it loads (`content-visibility: auto` in
 * global.css) are missing from chromium's accessibility tree until they are drawn: a screen
 * reader's browse mode would find an empty paragraph. Once the page has loaded, this draws them a
 * few at a time when the main thread is idle, so the whole text is there within a second or two
 * and the page's first paint still skips them.
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
/** Blocks drawn in one idle turn: each is a paragraph of typeset math at most. */
const PER_TURN = 2;
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

export function drawSkippedBlocksWhenIdle(article: HTMLElement): void {
  const waiting = [...article.children].filter(
    (el): el is HTMLElement => el instanceof HTMLElement && getComputedStyle(el).contentVisibility === 'auto',
  );
  if (!waiting.length) return;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const idle = (fn: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50);

  const turn = () => {
    const view: Viewport = {
      scrollY: window.scrollY,
      innerHeight: window.innerHeight,
      scrollHeight: document.documentElement.scrollHeight,
    };
    let drawn = 0;
    for (let i = 0; i < waiting.length && drawn < PER_TURN;) {
      const block = waiting[i];
      if (safeToDraw(block.getBoundingClientRect().top, view, (drawn + 1) * PLACEHOLDER_REM * rem)) {
        block.setAttribute(DRAWN, '');
        waiting.splice(i, 1);
        drawn++;
      } else i++;
    }
    if (!waiting.length) return;
    // Nothing could be drawn: the reader is at the end. Try again once they scroll.
    if (drawn) idle(turn);
    else window.addEventListener('scroll', () => idle(turn), { once: true, passive: true });
  };

  if (document.readyState === 'complete') idle(turn);
  else window.addEventListener('load', () => idle(turn), { once: true });
}
