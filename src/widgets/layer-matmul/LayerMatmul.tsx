/**
 * `layer-matmul` — a layer of three neurons as the matrix product Z = XW + B. Every entry of X
 * (one to three examples of four inputs), W (4×3) and B is an editable number; Z follows at
 * once, computed by the engine. Pointing at or focusing an entry of Z writes out its
 * row-times-column sum with the current numbers and marks the row of X and the column of W it
 * uses. The slide's NumPy line and the engine's TypeScript line stand side by side.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { INPUTS, NEURONS, layerMatmulSchema } from './state';
import {
  announceZ,
  engineCode,
  explain,
  explanationTex,
  explanationText,
  formatResult,
  logits,
  names,
  numpyCode,
  rowCount,
  withEntry,
} from './model';
import { Entry, type Mark } from './MatrixEntry';
import { Block } from './MatrixBlock';
import { CodePanes } from './CodePanes';
import './layer-matmul.css';
import meta from './widget.json';

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

        <CodePanes {...code} />
      </div>
    </WidgetFrame>
  );
}
