/**
 * Presenter mode's pure logic (no DOM): how a part's top-level elements fall into slides, and
 * which key does what. `deck.ts` applies it to the page; `slides.test.ts` checks it.
 */

/** What the cutter needs to know about one top-level element of the part's content. */
export interface Block {
  /** The title block the presenter page adds before the content. */
  title?: boolean;
  /** A `##` section heading: starts a slide. */
  heading?: boolean;
  /** Speaker notes (`<Notes>`): belong to the slide they are in, never shown on it. */
  notes?: boolean;
  /** Nothing to see (script, style, empty text): never starts a slide by itself. */
  invisible?: boolean;
}

/**
 * The slide of each block: the title block is slide 0; the first visible block after it opens
 * slide 1 (the text before the first section), and every section heading opens the next slide.
 * Notes and invisible blocks join the slide they stand in.
 */
export function assignSlides(blocks: readonly Block[]): number[] {
  const out: number[] = [];
  let slide = 0;
  let opened = false; // has a slide after the title been opened?
  for (const b of blocks) {
    if (b.title) {
      out.push(0);
      continue;
    }
    if (b.heading || (!opened && !b.notes && !b.invisible)) {
      slide++;
      opened = true;
    }
    out.push(slide);
  }
  return out;
}

export type Action =
  /** Next / previous slide (→ ←), across parts at either end. */
  | { kind: 'next' }
  | { kind: 'prev' }
  /** Scroll the slide down / up by about a screen; at its bottom / top, the next / previous slide (↓ Space PageDown, ↑ Shift+Space PageUp). */
  | { kind: 'down' }
  | { kind: 'up' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'digit'; digit: number }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'overview' }
  | { kind: 'escape' }
  | { kind: 'notes' }
  | { kind: 'window' }
  | { kind: 'help' };

/** The action of a key press on the slide (not inside a form control); undefined = not ours. */
export function keyAction(
  key: string,
  mods: { shift?: boolean; ctrl?: boolean; alt?: boolean; meta?: boolean } = {},
): Action | undefined {
  if (mods.ctrl || mods.alt || mods.meta) return undefined;
  switch (key) {
    case 'ArrowRight':
      return { kind: 'next' };
    case 'ArrowLeft':
      return { kind: 'prev' };
    case 'ArrowDown':
    case 'PageDown':
      return { kind: 'down' };
    case ' ':
    case 'Spacebar':
      return { kind: mods.shift ? 'up' : 'down' };
    case 'ArrowUp':
    case 'PageUp':
      return { kind: 'up' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'Enter':
      return { kind: 'enter' };
    case 'Backspace':
      return { kind: 'backspace' };
    case 'Escape':
      return { kind: 'escape' };
    case 'o':
    case 'O':
      return { kind: 'overview' };
    case 'n':
    case 'N':
      return { kind: 'notes' };
    case 'p':
    case 'P':
      return { kind: 'window' };
    case '?':
      return { kind: 'help' };
  }
  if (/^[0-9]$/.test(key)) return { kind: 'digit', digit: Number(key) };
  return undefined;
}

/**
 * Where a key that scrolls first (↓ Space PageDown, ↑ Shift+Space PageUp) takes the slide: a new
 * scroll position `top` (about a screen further, clamped to the slide), or `'next'` / `'prev'` when
 * the slide's bottom / top is already in view. `from` is where the slide is (or is already headed).
 */
export function scrollStep(
  dir: 'down' | 'up',
  from: number,
  view: number,
  height: number,
): { top: number } | 'next' | 'prev' {
  const max = Math.max(height - view, 0);
  const step = Math.max(Math.round(view * 0.85), 40);
  if (dir === 'down') return from >= max - 2 ? 'next' : { top: Math.min(from + step, max) };
  return from <= 2 ? 'prev' : { top: Math.max(from - step, 0) };
}

/**
 * The slide an address asks for: `#3` is the third slide (1-based, clamped to the deck), `#last`
 * the last one (where ← from the next part arrives); any other
 * hash is looked up by `findSlideOfId` (a section's or widget's id); garbage gives the first slide.
 */
export function slideFromHash(hash: string, count: number, findSlideOfId: (id: string) => number | undefined): number {
  const text = hash.replace(/^#/, '');
  if (/^\d{1,4}$/.test(text)) return Math.min(Math.max(Number(text), 1), Math.max(count, 1)) - 1;
  if (!text) return 0;
  if (text === 'last') return Math.max(count - 1, 0);
  let id = text;
  try {
    id = decodeURIComponent(text);
  } catch {
    return 0;
  }
  return findSlideOfId(id) ?? 0;
}
