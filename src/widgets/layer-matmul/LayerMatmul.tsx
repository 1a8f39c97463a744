/**
 * `layer-matmul` — a layer of three neurons as the matrix product Z = XW + B. Every entry of X
 * (one to three examples of four inputs), W (4×3) and B is an editable number; Z follows at
 * once, computed by the engine. Pointing at or focusing an entry of Z writes out its
 * row-times-column sum with the current numbers and marks the row of X and the column of W it
 * uses. The slide's NumPy line and the engine's TypeScript line stand side by side.
 */
import type { ComponentChildren } from 'preact';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { Tex } from '../shared/Tex';
import { WidgetFrame, useFieldAccess, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { INPUTS, NEURONS, layerMatmulSchema } from './state';
import {
  CODE_LINE,
  ENTRY,
  announceZ,
  engineCode,
  explain,
  explanationTex,
  explanationText,
  formatEntry,
  formatResult,
  keyStep,
  logits,
  names,
  nudge,
  numpyCode,
  readTyped,
  rowCount,
  withEntry,
} from './model';
import './layer-matmul.css';
import meta from './widget.json';

type Mark = 'row' | 'col' | undefined;

export default function LayerMatmul({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Select } = useWidget('layer-matmul', layerMatmulSchema);
  // Preact's useId restarts in every island: the widget's name keeps the ids unique on a page.
  const id = `layer-matmul${useId()}`;
  const rows = rowCount(state);
  const batch = rows > 1;
  const Z = useMemo(() => logits(state), [state]);
  const [picked, setPicked] = useState({ row: 0, neuron: 0 });
  const active = { row: Math.min(picked.row, rows - 1), neuron: picked.neuron };
  const explanation = useMemo(
    () => explain(state, Z, active.row, active.neuron),
    [state, Z, active.row, active.neuron],
  );
  const [hint, setHint] = useState<{ text: string; entry: string }>({ text: '', entry: '' });
  const hintId = `${id}-hint`;
  const code = useMemo(() => ({ numpy: numpyCode(state, Z), engine: engineCode(state, Z) }), [state, Z]);

  const entry = (key: string, name: string, context: string, value: number, set: (v: number) => void, mark: Mark) => (
    <Entry
      key={key}
      entryKey={key}
      name={name}
      context={context}
      value={value}
      mark={mark}
      onValue={set}
      onHint={(text) => setHint({ text, entry: key })}
      describedBy={hint.text && hint.entry === key ? hintId : undefined}
    />
  );
  const rowLabel = (r: number) =>
    batch && (
      <span class="layer-matmul__rowlabel" aria-hidden="true">
        ex.&nbsp;{r + 1}
      </span>
    );
  const exampleOf = (r: number) => (batch ? ` of example ${r + 1}` : '');

  const xCells = Array.from({ length: rows }, (_, r) => [
    rowLabel(r),
    ...Array.from({ length: INPUTS }, (_, i) =>
      entry(
        `x-${r}-${i}`,
        names.x(i),
        exampleOf(r),
        state.x[r * INPUTS + i]!,
        (v) => update({ x: withEntry(state.x, r * INPUTS + i, v) }),
        r === active.row ? 'row' : undefined,
      ),
    ),
  ]);
  const wCells = Array.from({ length: INPUTS }, (_, i) =>
    Array.from({ length: NEURONS }, (_, j) =>
      entry(
        `w-${i}-${j}`,
        names.w(i, j),
        '',
        state.w[i * NEURONS + j]!,
        (v) => update({ w: withEntry(state.w, i * NEURONS + j, v) }),
        j === active.neuron ? 'col' : undefined,
      ),
    ),
  );
  const bCells = Array.from({ length: NEURONS }, (_, j) =>
    entry(
      `b-${j}`,
      names.b(j),
      '',
      state.b[j]!,
      (v) => update({ b: withEntry(state.b, j, v) }),
      j === active.neuron ? 'col' : undefined,
    ),
  );
  const zCells = Z.map((row, r) => [
    rowLabel(r),
    ...row.map((z, j) => {
      const on = r === active.row && j === active.neuron;
      const pick = () => setPicked({ row: r, neuron: j });
      return (
        <div class="layer-matmul__cell" key={`z-${r}-${j}`}>
          <span class="layer-matmul__name" aria-hidden="true">
            {names.z(j)}
          </span>
          <button
            type="button"
            class="layer-matmul__z"
            data-z={`${r}-${j}`}
            data-active={on ? '' : undefined}
            aria-describedby={`${id}-sum-${r}-${j}`}
            onMouseEnter={pick}
            onFocus={pick}
            onClick={pick}
          >
            <span class="visually-hidden">
              {names.z(j)}
              {exampleOf(r)} ={' '}
            </span>
            {formatResult(z)}
          </button>
          <span id={`${id}-sum-${r}-${j}`} hidden>
            {explanationText(explain(state, Z, r, j), batch)}
          </span>
        </div>
      );
    }),
  ]);

  const shape = (r: number, c: number) => `${r}×${c}`;
  const activeName = `${names.z(active.neuron)}${batch ? ` of example ${active.row + 1}` : ''}`;

  return (
    <WidgetFrame
      {...frame}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Type any number into X, W or B — or focus an entry and press ↑/↓ (0.1; with Shift, 1). Z = XW + B follows at
          once. Point at or focus an entry of Z to see the sum behind it.
        </p>
      }
      onReset={() => {
        reset();
        setHint({ text: '', entry: '' });
        setPicked({ row: 0, neuron: 0 });
      }}
      announce={announceZ(Z)}
    >
      <div class="layer-matmul">
        <div class="layer-matmul__scheme">
          <div class="layer-matmul__setup">
            <Select
              field="rows"
              label="Examples in the batch (rows of X)"
              options={[
                { value: '1', label: '1 example' },
                { value: '2', label: '2 examples' },
                { value: '3', label: '3 examples' },
              ]}
            />
            <p class="layer-matmul__shapes" data-readout="shapes">
              X is {shape(rows, INPUTS)} and W is {shape(INPUTS, NEURONS)}, so XW is {shape(rows, NEURONS)}. B (
              {shape(1, NEURONS)}) is added to
              {batch ? ' every row' : ' it'}, and Z is {shape(rows, NEURONS)}.
            </p>
          </div>
          {/* In the order of the formula, XW + B = Z (focus order too); the grid places them. */}
          <Block
            area="x"
            id={`${id}-x`}
            symbol="X"
            what={batch ? 'inputs, one row per example' : 'inputs'}
            shape={shape(rows, INPUTS)}
            cols={INPUTS}
            labelled={batch}
          >
            {xCells}
          </Block>
          <Block
            area="w"
            id={`${id}-w`}
            symbol="W"
            what="weights, one column per neuron"
            shape={shape(INPUTS, NEURONS)}
            cols={NEURONS}
            indent={batch}
          >
            {wCells}
          </Block>
          <Block
            area="b"
            id={`${id}-b`}
            symbol="+ B"
            what="biases"
            shape={shape(1, NEURONS)}
            cols={NEURONS}
            indent={batch}
          >
            {bCells}
          </Block>
          <Block
            area="z"
            id={`${id}-z`}
            symbol="Z = XW + B"
            what=""
            shape={shape(rows, NEURONS)}
            cols={NEURONS}
            labelled={batch}
            output
          >
            {zCells}
          </Block>
        </div>
        <p class="control__hint" id={hintId} role="status" aria-live="polite">
          {hint.text}
        </p>

        <div class="layer-matmul__explain" data-readout="sum">
          <p class="layer-matmul__explain-head">
            <strong>{activeName}</strong> = row {active.row + 1} of X{' '}
            <span class="layer-matmul__key layer-matmul__key--row">solid outline</span> times column {active.neuron + 1}{' '}
            of W <span class="layer-matmul__key layer-matmul__key--col">dashed outline</span>, plus{' '}
            {names.b(active.neuron)}:
          </p>
          <Tex display tex={explanationTex(explanation, batch)} />
        </div>

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
              <code>{code.numpy}</code>
            </pre>
            <pre class="layer-matmul__listing" tabIndex={0} aria-label="TypeScript code with the current numbers">
              <code>{code.engine}</code>
            </pre>
          </div>
        </details>
      </div>
    </WidgetFrame>
  );
}

function Block({
  area,
  id,
  symbol,
  what,
  shape,
  cols,
  labelled = false,
  indent = false,
  output = false,
  children,
}: {
  area: string;
  id: string;
  symbol: string;
  what: string;
  shape: string;
  cols: number;
  labelled?: boolean;
  /** Leave room for the example labels of X and Z, so W's columns stay above Z's. */
  indent?: boolean;
  output?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div
      class={`layer-matmul__block layer-matmul__block--${area}`}
      role="group"
      aria-labelledby={`${id}-caption`}
      data-block={area}
    >
      <p class="layer-matmul__caption" id={`${id}-caption`}>
        <strong>{symbol}</strong>
        {what && ` ${what}`} <span class="layer-matmul__shape">({shape})</span>
        {output && <span class="visually-hidden">, computed</span>}
      </p>
      <div
        class={`layer-matmul__grid ${labelled ? 'layer-matmul__grid--labelled' : ''} ${indent ? 'layer-matmul__grid--indent' : ''}`}
        style={{ '--lm-cols': cols }}
      >
        {children}
      </div>
    </div>
  );
}

interface EntryProps {
  entryKey: string;
  name: string;
  /** Read after the name by screen readers only, e.g. " of example 2". */
  context: string;
  value: number;
  mark: Mark;
  onValue: (v: number) => void;
  onHint: (text: string) => void;
  describedBy?: string;
}

/**
 * One editable entry: a text field with the spinbutton role. Valid typing updates at once; Enter
 * or leaving the field settles it (clamped, with a hint); Escape restores the value it had when
 * typing began; ↑/↓ (Shift: ×10) and PageUp/PageDown step it.
 */
function Entry({ entryKey, name, context, value, mark, onValue, onHint, describedBy }: EntryProps) {
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
