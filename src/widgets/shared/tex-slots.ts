/**
 * Live equations without KaTeX on the input path. An equation's source is split into its *shape*
 * — the source with each number replaced by a placeholder — and the numbers themselves. A shape is
 * typeset once (`tex-typeset.ts`, KaTeX), the element that shows each placeholder is marked
 * `data-n="<slot>"`, and later inputs only write the new numbers into those elements
 * (`patchTex`). No DOM or KaTeX here: this module is part of every page that has an equation.
 */

export interface LiveTex {
  /** The source as given (numbers filled in). */
  tex: string;
  display: boolean;
  /** The source with numbers replaced by `{<placeholder>}`. */
  shape: string;
  /** One text per slot as it is shown ("−0.25", with a true minus sign). */
  values: string[];
  /** Identifies the typeset markup: equal keys share it. */
  key: string;
}

export type Typeset = (live: LiveTex) => string;

/** The digits that stand for slot `i` while a shape is typeset (and mark it in the markup). */
export const placeholder = (i: number): string => `8${String(i).padStart(4, '0')}9`;

/** Shapes whose placeholders KaTeX did not keep intact: they are typeset whole, numbers and all. */
const unpatchable = new Set<string>();

// A number not glued to a letter, `#` (colours) or another digit and not a dimension (2pt, 0.5em).
const NUMBER = /\d+(?:\.\d+)?/g;
const UNIT = /^\s*(?:pt|em|ex|mu|px|cm|mm|in|bp|pc|dd|cc|sp)(?![a-zA-Z])/;
// Where a minus sign is a sign, not a subtraction: KaTeX then typesets it as part of the number.
const SIGN_AFTER =
  /(?:^|[=({[&,^_<>|:;+-]|\\\\|\\(?:approx|le|ge|leq|geq|ne|neq|to|mapsto|gets|quad|qquad|sim|equiv|cdot|times|colon)|\\left\s*\S)\s*$/;

export function liveTex(tex: string, display = false): LiveTex {
  const values: string[] = [];
  let shape = '';
  let last = 0;
  for (const m of tex.matchAll(NUMBER)) {
    let start = m.index;
    const end = start + m[0].length;
    const before = tex[start - 1] ?? '';
    if (/[a-zA-Z#\d.]/.test(before) || UNIT.test(tex.slice(end)) || /^[\d.]/.test(tex[end] ?? '')) continue;
    let sign = '';
    if (before === '-' && start - 1 >= last && SIGN_AFTER.test(tex.slice(0, start - 1))) {
      sign = '−';
      start -= 1;
    }
    shape += `${tex.slice(last, start)}{${placeholder(values.length)}}`;
    values.push(sign + m[0]);
    last = end;
  }
  shape += tex.slice(last);
  const shapeKey = `${display ? 'D' : 'I'}${shape}`;
  if (unpatchable.has(shapeKey)) return { tex, display, shape: tex, values: [], key: `${display ? 'D' : 'I'}=${tex}` };
  return { tex, display, shape, values, key: shapeKey };
}

/** Mark a shape as one whose numbers cannot be written in place (`liveTex` then keys it by its whole source). */
export function markUnpatchable(key: string): void {
  unpatchable.add(key);
}

/**
 * Write the numbers of `live` into typeset markup of its shape. Returns false when the markup has
 * not got one marked element per slot in each of its HTML and MathML parts (the shape is then
 * marked unpatchable, and the caller typesets it whole).
 */
export function patchTex(root: Element, live: LiveTex): boolean {
  const marked = root.querySelectorAll<HTMLElement>('[data-n]');
  if (marked.length !== live.values.length * 2 && marked.length !== live.values.length) {
    markUnpatchable(live.key);
    return false;
  }
  for (const el of Array.from(marked)) {
    const text = live.values[Number(el.getAttribute('data-n'))];
    if (text === undefined) {
      markUnpatchable(live.key);
      return false;
    }
    if (el.textContent !== text) el.textContent = text;
  }
  const annotation = root.querySelector('annotation');
  if (annotation && annotation.textContent !== live.tex) annotation.textContent = live.tex;
  return true;
}

/** A short stable name for a shape key (the `data-shape` attribute). */
export function texHash(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
