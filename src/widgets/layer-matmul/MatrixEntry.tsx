/** One editable entry of X, W or B. */
import { useRef, useState } from 'preact/hooks';
import { useFieldAccess } from '../shared/WidgetFrame';
import { ENTRY, formatEntry, keyStep, nudge, readTyped } from './model';

/** Which outline an entry gets: in the row of X or the column of W (and B) that the picked entry of Z uses. */
export type Mark = 'row' | 'col' | undefined;

export interface EntryProps {
  entryKey: string;
  name: string;
  /** Read after the name by screen readers only, e.g. " of example 2". */
  context: string;
  value: number;
  mark: Mark;
  onValue: (v: number) => void;
  onHint: (text: string) => void;
  describedBy?: string | undefined;
}

/**
 * One editable entry: a text field with the spinbutton role. Valid typing updates at once; Enter
 * or leaving the field settles it (clamped, with a hint); Escape restores the value it had when
 * typing began; ↑/↓ (Shift: ×10) and PageUp/PageDown step it.
 */
export function Entry({ entryKey, name, context, value, mark, onValue, onHint, describedBy }: EntryProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const before = useRef(value);
  const shown = formatEntry(value);
  const label = `${name}${context}`;
  // The entry's matrix (`x`, `w` or `b`) may be locked or hidden by a share link. An entry cannot
  // be left out of its matrix: a locked one is a read-only field, a hidden one plain text (no control).
  const field = entryKey.split('-')[0];
  const access = useFieldAccess(field);
  const locked = access !== 'free';

  const commit = (text: string) => {
    setDraft(null);
    const r = readTyped(text, label, before.current);
    onHint(r.hint);
    onValue(r.ok ? r.value : before.current);
  };

  if (access === 'hidden') {
    return (
      <span class={`layer-matmul__cell ${mark ? `layer-matmul__cell--${mark}` : ''}`} data-entry-text={entryKey}>
        <span class="layer-matmul__name">
          {name}
          {context && <span class="visually-hidden">{context}</span>}
        </span>
        <span class="layer-matmul__input layer-matmul__input--text">{shown}</span>
      </span>
    );
  }

  return (
    <label
      class={`layer-matmul__cell ${mark ? `layer-matmul__cell--${mark}` : ''}`}
      data-field={field}
      data-locked={locked ? '' : undefined}
    >
      <span class="layer-matmul__name">
        {name}
        {context && <span class="visually-hidden">{context}</span>}
        {locked && <span class="visually-hidden"> (set by your instructor)</span>}
      </span>
      <input
        type="text"
        role="spinbutton"
        class="layer-matmul__input"
        data-entry={entryKey}
        readOnly={locked}
        aria-readonly={locked || undefined}
        title={locked ? 'Set by your instructor' : undefined}
        autoComplete="off"
        spellcheck={false}
        aria-valuenow={value}
        aria-valuemin={ENTRY.min}
        aria-valuemax={ENTRY.max}
        aria-valuetext={shown}
        aria-describedby={describedBy}
        value={draft ?? shown}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          if (draft === null) before.current = value;
          setDraft(text);
          const r = readTyped(text, label, value);
          if (r.ok && r.hint === '') onValue(r.value);
        }}
        onBlur={(e) => draft !== null && commit((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (locked) return;
          if (e.key === 'Enter') {
            if (draft !== null) commit((e.currentTarget as HTMLInputElement).value);
            return;
          }
          if (e.key === 'Escape') {
            if (draft !== null) onValue(before.current);
            setDraft(null);
            onHint('');
            return;
          }
          const delta = keyStep(e.key, e.shiftKey);
          if (delta === undefined) return;
          e.preventDefault();
          setDraft(null);
          onHint('');
          onValue(nudge(value, delta));
        }}
      />
    </label>
  );
}
