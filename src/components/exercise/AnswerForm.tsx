/**
 * The live answer form: options or a text field (what the reader has chosen or typed lives here;
 * it is not saved), then Check, Hint and Show the answer.
 */
import { useState } from 'preact/hooks';
import { unwrapParagraph, type ExerciseView } from './view';

export interface AnswerFormProps {
  v: ExerciseView;
  /** Hints shown so far; whether an answer was checked, or shown. */
  hintCount: number;
  attempted: boolean;
  revealed: boolean;
  onCheck(chosen: string[], text: string): void;
  onHint(): void;
  onReveal(): void;
}

interface Answer {
  v: ExerciseView;
  chosen: string[];
  setChosen(change: (chosen: string[]) => string[]): void;
  text: string;
  setText(text: string): void;
}

/** Trusted HTML rendered at build time (option text with math), as a span. */
function Html({ html }: { html: string }) {
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}

function Options({ v, chosen, setChosen }: Answer) {
  const uid = `ex-${v.id}`;
  return (
    <fieldset class="exercise__options" aria-labelledby={`q-${v.id}-title ${uid}-kind`}>
      {v.options!.map((o) => (
        <label class="exercise__option" key={o.id} data-option={o.id}>
          <input
            type={v.kind === 'single' ? 'radio' : 'checkbox'}
            name={`${uid}-choice`}
            value={o.id}
            checked={chosen.includes(o.id)}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setChosen((c) => (v.kind === 'single' ? [o.id] : on ? [...c, o.id] : c.filter((x) => x !== o.id)));
            }}
          />
          <Html html={unwrapParagraph(o.html)} />
        </label>
      ))}
    </fieldset>
  );
}

function Field({ v, text, setText }: Answer) {
  const id = `ex-${v.id}-input`;
  if (v.kind === 'reflection')
    return (
      <div class="exercise__field exercise__field--wide">
        <label htmlFor={id}>Your answer (stays in this page; it is not saved or sent)</label>
        <textarea
          id={id}
          rows={3}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
    );
  return (
    <div class="exercise__field">
      <label htmlFor={id}>{v.label}</label>
      <input
        id={id}
        type="text"
        inputMode={v.kind === 'numeric' ? 'decimal' : 'text'}
        autoComplete="off"
        spellcheck={v.kind === 'text'}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

export function AnswerForm(props: AnswerFormProps) {
  const { v, hintCount, attempted, revealed } = props;
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState('');
  const answer = { v, chosen, setChosen, text, setText };
  const uid = `ex-${v.id}`;
  const choice = v.kind === 'single' || v.kind === 'multiple';
  const canCheck = choice ? chosen.length > 0 : text.trim().length > 0;
  return (
    <form
      class="exercise__form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onCheck(chosen, text);
      }}
    >
      <p class="exercise__kind" id={`${uid}-kind`}>
        {v.kindLabel}
      </p>
      {choice ? <Options {...answer} /> : <Field {...answer} />}
      <div class="exercise__actions">
        <button type="submit" class="exercise__check" aria-disabled={canCheck ? undefined : 'true'}>
          {v.kind === 'reflection' ? 'Compare with the model answer' : 'Check'}
        </button>
        {hintCount < v.hintsHtml.length && (
          <button type="button" class="exercise__hint-button" onClick={props.onHint}>
            {hintCount === 0 ? 'Hint' : 'Another hint'} ({hintCount + 1} of {v.hintsHtml.length})
          </button>
        )}
        {!revealed && v.kind !== 'reflection' && (
          <button
            type="button"
            class="exercise__reveal-button"
            aria-disabled={attempted ? undefined : 'true'}
            aria-describedby={attempted ? undefined : `${uid}-reveal-note`}
            onClick={props.onReveal}
          >
            Show the answer
          </button>
        )}
      </div>
      {!attempted && !revealed && v.kind !== 'reflection' && (
        <p class="exercise__note" id={`${uid}-reveal-note`}>
          The answer opens after your first attempt.
        </p>
      )}
    </form>
  );
}
