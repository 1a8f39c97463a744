import { describe, expect, it } from 'vitest';
import { chooseBlocks, safeToDraw } from './draw-skipped-blocks';

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

describe('chooseBlocks', () => {
  const view = { scrollY: 1000, innerHeight: 800, scrollHeight: 5000 };
  it('takes the first blocks in page order, no more than a turn allows', () => {
    expect(chooseBlocks([900, 1200, 1500, 1800], view, 96, 3)).toEqual([0, 1, 2]);
    expect(chooseBlocks([900, 1200], view, 96, 3)).toEqual([0, 1]);
  });
  it('counts the blocks chosen before a block above the screen in what the page could shrink by', () => {
    // 2000 px below the screen: two screens (1600) plus 4 × 96 fits, plus 5 × 96 does not.
    const nearEnd = { ...view, scrollY: 2200 };
    expect(chooseBlocks([900, 1000, 1100, 1200, -50], nearEnd, 96, 5)).toEqual([0, 1, 2, 3]);
    expect(chooseBlocks([900, 1000, 1100, -50, 1300], nearEnd, 96, 5)).toEqual([0, 1, 2, 3, 4]);
  });
  it('skips the blocks that must wait and goes on with those below the screen', () => {
    const atEnd = { ...view, scrollY: 4200 };
    expect(chooseBlocks([-600, -300, 900], atEnd, 96, 3)).toEqual([2]);
    expect(chooseBlocks([-600, -300], atEnd, 96, 3)).toEqual([]);
  });
});
