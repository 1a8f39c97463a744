/**
 * `one-hot` — categories as one-hot vectors, and why squared errors between two of them say
 * nothing useful. Pick the true and the predicted category (selects, or a cell of the table of all
 * pairs), add a category of your own, and read the vectors, their entry-by-entry differences and
 * the sum of squares: 2 for any mistake, 0 for a match.
 */
import { useMemo, useState } from 'preact/hooks';
import { ScrollTable } from '../shared/ScrollTable';
import { Tex } from '../shared/Tex';
import { WidgetFrame, useWidgetId, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { fmt } from '~/util/format';
import { oneHotSchema } from './state';
import { BUILT_IN, MAX_CATEGORIES, allPairs, checkLabel, compare } from './model';
import './one-hot.css';
import meta from './widget.json';

const vectorTex = (v: number[]) => `[${v.join(', ')}]`.replace(/-/g, '{-}');

export default function OneHot({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Select } = useWidget('one-hot', oneHotSchema);
  const [extra, setExtra] = useState<string[]>([]);
  const categories = useMemo(() => [...BUILT_IN, ...extra], [extra]);
  const k = categories.length;
  const c = useMemo(() => compare(k, state.truth, state.guess), [k, state.truth, state.guess]);
  const pairs = useMemo(() => allPairs(k), [k]);
  const options = categories.map((name, i) => ({ value: String(i), label: name }));
  const trueName = categories[c.truth]!;
  const guessName = categories[c.guess]!;
  const match = c.truth === c.guess;

  const tex = `\\begin{aligned} ${[
    `L &= \\sum_{k=1}^{${k}} \\bigl(y_{\\text{true}}^{k} - y_{\\text{predict}}^{k}\\bigr)^2`,
    `&= \\sum \\bigl(${vectorTex(c.yTrue)} - ${vectorTex(c.yPredict)}\\bigr)^2`,
    `&= \\sum ${vectorTex(c.differences)}^2`,
    `&= ${c.squares.join(' + ')} = ${c.sum}`,
  ].join(' \\\\[3pt] ')} \\end{aligned}`;

  return (
    <WidgetFrame
      {...frame}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Choose the true category and the network's guess, or click a cell of the table of all pairs. Add a category of
          your own and watch every vector grow by one entry. Whatever you pick, the sum of squared differences is 2 for
          a mistake and 0 for a match.
        </p>
      }
      onReset={() => {
        setExtra([]);
        reset();
      }}
      announce={`True ${trueName}, predicted ${guessName}: sum of squared errors ${c.sum}.`}
      report={{
        categories: categories.join(','),
        k,
        trueIndex: c.truth,
        predictedIndex: c.guess,
        squaredErrorSum: c.sum,
        match,
      }}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Select
            label="True category"
            field="truth"
            // The index as compared: a link may name a category beyond those shown.
            value={String(c.truth)}
            options={options}
          />
          <Select label="Predicted category" field="guess" value={String(c.guess)} options={options} />
          <AddCategory categories={categories} onAdd={(label) => setExtra((xs) => [...xs, label])} />
          {extra.length > 0 && (
            <div class="control control--buttons" role="group" aria-label="Your categories">
              {extra.map((name, i) => (
                <button
                  type="button"
                  onClick={() => {
                    const index = BUILT_IN.length + i;
                    // Keep the same categories chosen: positions after the removed one move up by one.
                    const shift = (p: number) => (p === index ? 0 : p > index ? p - 1 : p);
                    update({ truth: shift(c.truth), guess: shift(c.guess) });
                    setExtra((xs) => xs.filter((_, j) => j !== i));
                  }}
                >
                  Remove {name}
                </button>
              ))}
            </div>
          )}
        </div>
        <div class="one-hot__main">
          <ScrollTable label="The two one-hot vectors and their differences">
            <table class="one-hot__vectors">
              <caption>
                True {trueName}, predicted {guessName}: entry by entry
              </caption>
              <thead>
                <tr>
                  <th scope="col">k</th>
                  {categories.map((name, i) => (
                    <th scope="col" class={i === c.truth || i === c.guess ? 'one-hot__hot' : undefined}>
                      {name}
                    </th>
                  ))}
                  <th scope="col">sum</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">
                    y<sub>true</sub>
                  </th>
                  {c.yTrue.map((v) => (
                    <td class={v ? 'one-hot__one' : undefined}>{v}</td>
                  ))}
                  <td />
                </tr>
                <tr>
                  <th scope="row">
                    y<sub>predict</sub>
                  </th>
                  {c.yPredict.map((v) => (
                    <td class={v ? 'one-hot__one' : undefined}>{v}</td>
                  ))}
                  <td />
                </tr>
                <tr>
                  <th scope="row">difference</th>
                  {c.differences.map((v) => (
                    <td>{fmt(v, 0)}</td>
                  ))}
                  <td />
                </tr>
                <tr class="one-hot__total">
                  <th scope="row">squared</th>
                  {c.squares.map((v) => (
                    <td>{v}</td>
                  ))}
                  <td data-readout="sum">{c.sum}</td>
                </tr>
              </tbody>
            </table>
          </ScrollTable>
          <Tex display tex={tex} />
          <p class="one-hot__verdict" data-readout="verdict">
            {match ? (
              <>
                <strong>A match: 0.</strong> The two vectors are identical, so every difference is 0.
              </>
            ) : (
              <>
                <strong>A mistake: 2.</strong> The vectors differ in exactly two entries, the 1 of {trueName} and the 1
                of {guessName}, each contributing (±1)² = 1. Any other wrong guess would cost the same 2.
              </>
            )}{' '}
            As a mean over the {k} entries, the engine's <code>meanSquaredError</code> gives{' '}
            <span data-readout="mean">{fmt(c.mean, 4).replace(/0+$/, '').replace(/\.$/, '')}</span>: a different number,
            and no more informative.
          </p>
          <p class="one-hot__numbered" data-readout="numbered">
            Numbered instead (
            {categories
              .slice(0, 3)
              .map((name, i) => `${name} = ${i}`)
              .join(', ')}
            , …), this pair would cost ({c.truth} − {c.guess})² = {c.numbered}: a distance between categories that does
            not exist.
          </p>
        </div>
      </div>
      <PairTable
        categories={categories}
        pairs={pairs}
        truth={c.truth}
        guess={c.guess}
        onPick={(truth, guess) => update({ truth, guess })}
      />
    </WidgetFrame>
  );
}

function AddCategory({ categories, onAdd }: { categories: string[]; onAdd: (label: string) => void }) {
  const id = useWidgetId();
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const full = categories.length >= MAX_CATEGORIES;
  const submit = (e: Event) => {
    e.preventDefault();
    const r = checkLabel(text, categories);
    if (!r.ok) {
      setMessage(r.reason);
      return;
    }
    onAdd(r.label);
    setText('');
    setMessage(`Added ${r.label}: every vector now has ${categories.length + 1} entries.`);
  };
  return (
    <form class="control one-hot__add" onSubmit={submit} noValidate>
      <label class="control__label" for={`${id}-label`}>
        Your own category
      </label>
      <div class="control__row">
        <input
          id={`${id}-label`}
          type="text"
          value={text}
          maxLength={40}
          autoComplete="off"
          placeholder="e.g. Cat"
          aria-describedby={`${id}-message`}
          onInput={(e) => {
            setText((e.currentTarget as HTMLInputElement).value);
            setMessage('');
          }}
        />
        <button type="submit" disabled={full}>
          Add
        </button>
      </div>
      <p class="control__hint" id={`${id}-message`} role="status" aria-live="polite" data-readout="label-message">
        {full ? `${MAX_CATEGORIES} categories is the most this table holds.` : message}
      </p>
    </form>
  );
}

function PairTable(props: {
  categories: string[];
  pairs: number[][];
  truth: number;
  guess: number;
  onPick: (truth: number, guess: number) => void;
}) {
  const { categories, pairs } = props;
  return (
    <ScrollTable label="Sum of squared errors for every pair of categories" class="one-hot__pairs">
      <table>
        <caption>
          Σ(y<sub>true</sub> − y<sub>predict</sub>)² for every pair (click one)
        </caption>
        <thead>
          <tr>
            <th scope="col">
              true ↓ <span class="one-hot__corner">predicted →</span>
            </th>
            {categories.map((name) => (
              <th scope="col">{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pairs.map((row, t) => (
            <tr>
              <th scope="row">{categories[t]}</th>
              {row.map((v, g) => {
                const current = t === props.truth && g === props.guess;
                return (
                  <td class={`${v === 0 ? 'one-hot__cell--match' : ''} ${current ? 'one-hot__cell--current' : ''}`}>
                    <button
                      type="button"
                      aria-pressed={current}
                      aria-label={`true ${categories[t]}, predicted ${categories[g]}: ${v}`}
                      onClick={() => props.onPick(t, g)}
                    >
                      {v}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
