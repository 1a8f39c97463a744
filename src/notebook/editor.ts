/**
 * The cell editor: CodeMirror 6 with TypeScript highlighting in the site's colours. Loaded only when
 * the reader first focuses or clicks a cell (dynamic import from cell.ts), so a cold tutorial page
 * carries none of it.
 *
 * Keys: Shift+Enter runs the cell; Tab is left to the browser (it moves focus on, so the keyboard
 * never gets trapped); Ctrl/Cmd+Z undoes, and the rest of CodeMirror's default keymap applies.
 */
import { EditorState, StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import {
  EditorView,
  Decoration,
  keymap,
  lineNumbers,
  drawSelection,
  highlightActiveLineGutter,
  type DecorationSet,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  HighlightStyle,
  LanguageSupport,
  syntaxHighlighting,
  indentOnInput,
  bracketMatching,
} from '@codemirror/language';
// The TypeScript grammar alone: lang-javascript's `javascript()` would also bring autocompletion and lint.
import { typescriptLanguage } from '@codemirror/lang-javascript';
import { tags as t } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  {
    tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword],
    color: 'var(--c-code-keyword)',
  },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--c-code-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--c-code-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--c-code-comment)', fontStyle: 'italic' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--c-code-type)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--c-code-function)' },
]);

const theme = EditorView.theme({
  '&': {
    color: 'var(--c-ink)',
    backgroundColor: 'var(--bg-code)',
    fontSize: '0.9rem',
    border: '1px solid var(--c-grid)',
    borderRadius: 'var(--radius)',
  },
  '&.cm-focused': { outline: '2px solid var(--c-focus)', outlineOffset: '2px' },
  '.cm-content': {
    fontFamily: 'var(--font-mono, ui-monospace, monospace)',
    padding: '0.6rem 0',
    caretColor: 'var(--c-ink)',
  },
  '.cm-cursor': { borderLeftColor: 'var(--c-ink)' },
  '.cm-gutters': { backgroundColor: 'transparent', color: 'var(--c-muted)', border: 'none' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--c-ink)', fontWeight: '600' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--c-blue) 25%, transparent) !important',
  },
  '.cm-error-line': { backgroundColor: 'color-mix(in srgb, var(--c-red) 14%, transparent)' },
});

const setErrorLine = StateEffect.define<number | null>();
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setErrorLine)) continue;
      if (e.value === null || e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none;
      const builder = new RangeSetBuilder<Decoration>();
      const line = tr.state.doc.line(e.value);
      builder.add(line.from, line.from, Decoration.line({ class: 'cm-error-line' }));
      return builder.finish();
    }
    // Editing the code clears the mark: it belonged to the code that ran.
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export interface CellEditor {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
  markErrorLine(line: number | null): void;
  destroy(): void;
}

export function createEditor(
  parent: HTMLElement,
  options: { code: string; label: string; onChange(code: string): void; onRun(): void },
): CellEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        // The current line is shown by its number, not by a tinted band (which would cost the colours contrast).
        highlightActiveLineGutter(),
        // Long lines wrap: no sideways scrolling (which a keyboard could not reach), and it fits 360 px.
        EditorView.lineWrapping,
        indentOnInput(),
        bracketMatching(),
        EditorState.tabSize.of(2),
        new LanguageSupport(typescriptLanguage),
        syntaxHighlighting(highlight),
        errorLine,
        theme,
        keymap.of([
          { key: 'Shift-Enter', run: () => (options.onRun(), true), preventDefault: true },
          ...defaultKeymap.filter((k) => k.key !== 'Tab' && k.key !== 'Shift-Tab'),
          ...historyKeymap,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (code) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
    focus: () => view.focus(),
    markErrorLine: (line) => view.dispatch({ effects: setErrorLine.of(line) }),
    destroy: () => view.destroy(),
  };
}
