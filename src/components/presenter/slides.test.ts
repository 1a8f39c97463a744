import { describe, expect, it } from 'vitest';
import { assignSlides, keyAction, scrollStep, slideFromHash } from './slides';

describe('cutting a part into slides', () => {
  it('gives the title, the opening text and each section a slide; notes join their slide', () => {
    const blocks = [
      { title: true },
      { notes: true }, // before any text: notes for the title slide
      {}, // opening paragraph
      {},
      { heading: true },
      { notes: true },
      {},
      { invisible: true },
      { heading: true },
      {},
    ];
    expect(assignSlides(blocks)).toEqual([0, 0, 1, 1, 2, 2, 2, 2, 3, 3]);
  });

  it('starts with a section directly when there is no opening text', () => {
    expect(assignSlides([{ title: true }, { heading: true }, {}, { heading: true }])).toEqual([0, 1, 1, 2]);
  });
});

describe('presenter keys', () => {
  it('maps the usual presentation keys', () => {
    expect(keyAction('ArrowRight')).toEqual({ kind: 'next' });
    expect(keyAction('ArrowLeft')).toEqual({ kind: 'prev' });
    expect(keyAction(' ')).toEqual({ kind: 'down' });
    expect(keyAction('ArrowDown')).toEqual({ kind: 'down' });
    expect(keyAction('PageDown')).toEqual({ kind: 'down' });
    expect(keyAction(' ', { shift: true })).toEqual({ kind: 'up' });
    expect(keyAction('ArrowUp')).toEqual({ kind: 'up' });
    expect(keyAction('PageUp')).toEqual({ kind: 'up' });
    expect(keyAction('Home')).toEqual({ kind: 'first' });
    expect(keyAction('End')).toEqual({ kind: 'last' });
    expect(keyAction('7')).toEqual({ kind: 'digit', digit: 7 });
    expect(keyAction('o')).toEqual({ kind: 'overview' });
    expect(keyAction('N')).toEqual({ kind: 'notes' });
    expect(keyAction('ArrowRight', { ctrl: true })).toBeUndefined();
    expect(keyAction('x')).toBeUndefined();
  });
});

describe('keys that scroll the slide first', () => {
  it('scroll by about a screen within a long slide, then change slide at its ends', () => {
    // A 2000 px slide in a 600 px view: scrolling stops at 1400 (its bottom in view).
    expect(scrollStep('down', 0, 600, 2000)).toEqual({ top: 510 });
    expect(scrollStep('down', 1000, 600, 2000)).toEqual({ top: 1400 });
    expect(scrollStep('down', 1400, 600, 2000)).toBe('next');
    expect(scrollStep('up', 1400, 600, 2000)).toEqual({ top: 890 });
    expect(scrollStep('up', 300, 600, 2000)).toEqual({ top: 0 });
    expect(scrollStep('up', 0, 600, 2000)).toBe('prev');
    // A slide that fits: both keys change slide at once.
    expect(scrollStep('down', 0, 600, 500)).toBe('next');
    expect(scrollStep('up', 0, 600, 500)).toBe('prev');
  });
});

describe('the slide in the address', () => {
  const find = (id: string) => (id === 'the-perceptron' ? 2 : undefined);
  it('reads #n (1-based, clamped), a section id, and falls back to the first slide', () => {
    expect(slideFromHash('#3', 10, find)).toBe(2);
    expect(slideFromHash('#99', 10, find)).toBe(9);
    expect(slideFromHash('#0', 10, find)).toBe(0);
    expect(slideFromHash('#the-perceptron', 10, find)).toBe(2);
    expect(slideFromHash('#last', 10, find)).toBe(9);
    expect(slideFromHash('#%E0%A4%A', 10, find)).toBe(0);
    expect(slideFromHash('#nope', 10, find)).toBe(0);
    expect(slideFromHash('', 10, find)).toBe(0);
  });
});
