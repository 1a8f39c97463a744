import { describe, expect, it } from 'vitest';
import { safeToDraw } from './draw-skipped-blocks';

describe('safeToDraw', () => {
  const view = { scrollY: 1000, innerHeight: 800, scrollHeight: 5000 };
  it('draws a block that starts below the screen, wherever the reader is', () => {
    expect(safeToDraw(800, view, 96)).toBe(true);
    expect(safeToDraw(2500, { ...view, scrollY: 4200 }, 96)).toBe(true);
  });
  it('draws a block above the screen while more than two screens of the page lie below it', () => {
    // 5000 − 1000 − 800 = 3200 px below the screen > 2 × 800 + 96.
    expect(safeToDraw(-300, view, 96)).toBe(true);
  });
  it('keeps a block above the screen waiting near the end of the page', () => {
    // 0 px below the screen: the reader is at the very end.
    expect(safeToDraw(-300, { ...view, scrollY: 4200 }, 96)).toBe(false);
    // 173 px below (the footer under the pager): anchoring would still move the pager a pixel.
    expect(safeToDraw(-300, { ...view, scrollY: 4027 }, 96)).toBe(false);
    // 1650 px below: two screens (1600) and one block's 96 px do not fit, 40 px do.
    expect(safeToDraw(-300, { ...view, scrollY: 2550 }, 96)).toBe(false);
    expect(safeToDraw(-300, { ...view, scrollY: 2550 }, 40)).toBe(true);
  });
  it('treats a block on the screen as above its bottom edge', () => {
    expect(safeToDraw(100, { ...view, scrollY: 4200 }, 96)).toBe(false);
  });
});
