/**
 * The interactive part of an exercise (a Preact island inside `Question.astro`): the answer
 * form of its kind, checking with feedback in a polite live region, hints one at a time, the
 * model answer once an attempt was made, an optional widget task checked live against the
 * widget's published report, and saved progress.
 *
 * Server-rendered it has the live form's shape with its controls disabled (so hydrating moves
 * nothing); without JavaScript it shows the options and the model answer in a plain `<details>`,
 * so the page reads and prints without it; alive, the answer is gated behind an attempt.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { checkGoals, checkNumeric, checkText, gradeChoice } from '~/exercises/check';
import {
  downloadProgress,
  progressStore,
  storageNotice,
  type ExerciseProgress,
  type ProgressStore,
} from '~/exercises/progress';
import type { ExerciseKind, Goal, ShortAnswer } from '~/exercises/types';
import {
  WIDGET_CHANGE_EVENT,
  readWidgetChange,
  type WidgetChange,
  type WidgetReport,
} from '~/widgets/shared/WidgetFrame';
import './exercise.css';

/** What the page passes to the island: the exercise with its rich text already rendered to HTML. */
export interface ExerciseView {
  id: string;
  lecture: string;
  kind: ExerciseKind;
  kindLabel: string;
  options?: { id: string; html: string; correct: boolean; feedbackHtml: string }[];
  value?: number;
  tolerance?: number;
  label?: string;
  /** How a short answer is judged: accepted meanings, expected wrong ones and unclear ones (see `checkText`). */
  shortAnswer?: ShortAnswer;
  hintsHtml: string[];
  answerHtml: string;
  explanationHtml: string;
  task?: { widget: string; html: string; goals: Goal[]; widgetTitle: string };
}

type Feedback =
  | {
      tone: 'right' | 'wrong' | 'unsure' | 'info';
      lead: string;
      items?: { ok: boolean; html: string }[];
      /** Said right after the verdict: the chosen option's feedback, or what an unsure verdict asks for. */
      detailHtml?: string;
      detail?: string;
      /** The reason, shown as "Why: …" (plain text, or the exercise's explanation as HTML). */
      html?: string;
      text?: string;
    }
  | undefined;

/** The page's storage notice is shown once, by the first exercise that comes alive. */
let noticeOwner: string | undefined;

function useProgress(
  lecture: string,
  id: string,
): [ExerciseProgress, ProgressStore, (change: (p: ExerciseProgress) => ExerciseProgress) => void] {
  const store = useMemo(() => progressStore(lecture), [lecture]);
  const [, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
  const update = useCallback(
    (change: (p: ExerciseProgress) => ExerciseProgress) => store.update(id, change),
    [store, id],
  );
  return [store.get(id), store, update];
}

/** Trusted HTML rendered at build time (option text with math), as a span. */
function Html({ html }: { html: string }) {
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}

export default function Exercise(props: ExerciseView) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return <StaticExercise {...props} />;
  return <LiveExercise {...props} />;
}

/**
 * Before hydration: the live form's first state (nothing attempted yet), its controls disabled,
 * so that coming alive moves nothing on the page. Without JavaScript the controls are hidden by
 * CSS (`scripting: none`) and the model answer is offered in a `<details>` instead.
 */
function StaticExercise(v: ExerciseView) {
  const uid = `ex-${v.id}`;
  return (
    <div class="exercise__body">
      <form class="exercise__form">
        <p class="exercise__kind" id={`${uid}-kind`}>
          {v.kindLabel}
        </p>
        {v.options && (
          <fieldset class="exercise__options" aria-labelledby={`q-${v.id}-title ${uid}-kind`} disabled>
            {v.options.map((o) => (
              <div class="exercise__option" key={o.id} data-option={o.id}>
                <input
                  type={v.kind === 'single' ? 'radio' : 'checkbox'}
                  name={`${uid}-choice`}
                  value={o.id}
                  aria-labelledby={`${uid}-${o.id}`}
                />
                <span id={`${uid}-${o.id}`} dangerouslySetInnerHTML={{ __html: o.html.replace(/^<p>|<\/p>$/g, '') }} />
              </div>
            ))}
          </fieldset>
        )}
        {(v.kind === 'numeric' || v.kind === 'text') && (
          <div class="exercise__field">
            <label htmlFor={`${uid}-input`}>{v.label}</label>
            <input id={`${uid}-input`} type="text" disabled />
          </div>
        )}
        {v.kind === 'reflection' && (
          <div class="exercise__field exercise__field--wide">
            <label htmlFor={`${uid}-input`}>Your answer (stays in this page; it is not saved or sent)</label>
            <textarea id={`${uid}-input`} rows={3} disabled />
          </div>
        )}
        <div class="exercise__actions exercise__live-only">
          <button type="submit" class="exercise__check" disabled>
            {v.kind === 'reflection' ? 'Compare with the model answer' : 'Check'}
          </button>
          {v.hintsHtml.length > 0 && (
            <button type="button" class="exercise__hint-button" disabled>
              Hint (1 of {v.hintsHtml.length})
            </button>
          )}
          {v.kind !== 'reflection' && (
            <button type="button" class="exercise__reveal-button" disabled>
              Show the answer
            </button>
          )}
        </div>
        {v.kind !== 'reflection' && (
          <p class="exercise__note exercise__live-only">The answer opens after your first attempt.</p>
        )}
      </form>
      <details class="question__answer exercise__no-script">
        <summary>Show a model answer</summary>
        <div class="question__answer-body">
          <div dangerouslySetInnerHTML={{ __html: v.answerHtml }} />
          <div class="exercise__explanation" dangerouslySetInnerHTML={{ __html: v.explanationHtml }} />
        </div>
      </details>
      {v.task && (
        <div class="exercise__task" data-task-widget={v.task.widget} data-task="absent">
          <TaskText task={v.task} />
          <ul class="exercise__goals">
            {v.task.goals.map((g) => (
              <li>
                <span aria-hidden="true">○</span> {g.says}
              </li>
            ))}
          </ul>
          <p class="exercise__task-status exercise__live-only">&nbsp;</p>
        </div>
      )}
      <p class="exercise__status exercise__live-only">Not attempted yet</p>
    </div>
  );
}

function TaskText({ task }: { task: NonNullable<ExerciseView['task']> }) {
  return (
    <div class="exercise__task-text">
      <strong>Widget task. </strong>
      <span dangerouslySetInnerHTML={{ __html: task.html.replace(/^<p>|<\/p>$/g, '') }} />
    </div>
  );
}

function LiveExercise(v: ExerciseView) {
  const [progress, store, update] = useProgress(v.lecture, v.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(undefined);
  const [judging, setJudging] = useState(false);
  const [showNotice, setShowNotice] = useState(false);
  const uid = `ex-${v.id}`;

  useEffect(() => {
    if (noticeOwner === undefined || noticeOwner === v.id) {
      noticeOwner = v.id;
      setShowNotice(true);
    }
    return () => {
      if (noticeOwner === v.id) noticeOwner = undefined;
    };
  }, [v.id]);

  const attempted = progress.attempts > 0 || progress.solved;
  const canCheck = v.kind === 'single' || v.kind === 'multiple' ? chosen.length > 0 : text.trim().length > 0;

  const record = (solved: boolean) => update((p) => ({ ...p, attempts: p.attempts + 1, solved: p.solved || solved }));

  const check = (e: Event) => {
    e.preventDefault();
    if (v.kind === 'single' || v.kind === 'multiple') {
      if (!chosen.length) {
        setFeedback({
          tone: 'info',
          lead: v.kind === 'single' ? 'Choose an option first.' : 'Choose at least one option first.',
        });
        return;
      }
      const r = gradeChoice(
        v.options!.map((o) => ({ id: o.id, text: o.html, correct: o.correct, feedback: o.feedbackHtml })),
        chosen,
      );
      record(r.correct);
      const missed =
        r.missed.length && r.chosen.every((c) => c.correct)
          ? ` You have not chosen every true statement yet: ${r.missed.length} more.`
          : '';
      // One chosen option: its feedback follows the verdict as a sentence. Several: each is marked.
      const only = v.kind === 'single' ? r.chosen[0] : undefined;
      setFeedback({
        tone: r.correct ? 'right' : 'wrong',
        lead: r.correct ? 'Right.' : `Not quite.${missed}`,
        items: only ? undefined : r.chosen.map((c) => ({ ok: c.correct, html: c.feedback })),
        detailHtml: only?.feedback,
        html: r.correct ? v.explanationHtml : undefined,
      });
      return;
    }
    if (v.kind === 'numeric') {
      const r = checkNumeric(text, v.value!, v.tolerance!);
      if (r.kind === 'unreadable') {
        setFeedback({
          tone: 'info',
          lead: 'That is not a number this page can read. Type digits, e.g. 3, 0.25, −1.5 or 1e-7.',
        });
        return;
      }
      record(r.kind === 'right');
      setFeedback(
        r.kind === 'right'
          ? { tone: 'right', lead: 'Right.', html: v.explanationHtml }
          : {
              tone: 'wrong',
              lead: `Not quite: ${text.trim()} is too ${r.direction}.${v.tolerance ? ` (Answers within ±${v.tolerance} count.)` : ''}`,
            },
      );
      return;
    }
    if (v.kind === 'text') {
      if (!text.trim()) return;
      const r = checkText(text, v.shortAnswer!);
      if (r.kind === 'empty') {
        setFeedback({ tone: 'info', lead: 'Type a word or two first.' });
        return;
      }
      record(r.kind === 'right');
      setFeedback(
        r.kind === 'right'
          ? { tone: 'right', lead: 'Right.', html: v.explanationHtml }
          : r.kind === 'wrong'
            ? { tone: 'wrong', lead: 'Not quite.', text: r.feedback }
            : {
                tone: 'unsure',
                lead: 'Not sure: this page cannot tell whether that means the same as the model answer.',
                detail: `${r.feedback ? `${r.feedback} ` : ''}Say it another way, or compare with the model answer (“Show the answer”).`,
              },
      );
      return;
    }
    // Reflection: writing something is the attempt; then compare and judge.
    if (!text.trim()) {
      setFeedback({ tone: 'info', lead: 'Write your answer first, then compare it with the model answer.' });
      return;
    }
    update((p) => ({ ...p, attempts: p.attempts + 1, revealed: true }));
    setJudging(true);
    setFeedback({ tone: 'info', lead: 'The model answer is below. How does yours compare?' });
  };

  const judge = (had: boolean) => {
    setJudging(false);
    if (had) update((p) => ({ ...p, solved: true }));
    setFeedback(
      had
        ? { tone: 'right', lead: 'Marked as solved.' }
        : {
            tone: 'info',
            lead: 'Not marked as solved. Read the model answer and the section it links to, then try again in your own words.',
          },
    );
  };

  const markTask = useCallback(() => update((p) => ({ ...p, task: true })), [update]);
  const notice = storageNotice(store);

  const hintCount = Math.min(progress.hints, v.hintsHtml.length);
  const revealed = progress.revealed;

  return (
    <div class="exercise__body">
      <form class="exercise__form" onSubmit={check}>
        <p class="exercise__kind" id={`${uid}-kind`}>
          {v.kindLabel}
        </p>
        {(v.kind === 'single' || v.kind === 'multiple') && (
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
                <Html html={o.html.replace(/^<p>|<\/p>$/g, '')} />
              </label>
            ))}
          </fieldset>
        )}
        {(v.kind === 'numeric' || v.kind === 'text') && (
          <div class="exercise__field">
            <label htmlFor={`${uid}-input`}>{v.label}</label>
            <input
              id={`${uid}-input`}
              type="text"
              inputMode={v.kind === 'numeric' ? 'decimal' : 'text'}
              autoComplete="off"
              spellcheck={v.kind === 'text'}
              value={text}
              onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        )}
        {v.kind === 'reflection' && (
          <div class="exercise__field exercise__field--wide">
            <label htmlFor={`${uid}-input`}>Your answer (stays in this page; it is not saved or sent)</label>
            <textarea
              id={`${uid}-input`}
              rows={3}
              value={text}
              onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
        )}
        <div class="exercise__actions">
          <button type="submit" class="exercise__check" aria-disabled={canCheck ? undefined : 'true'}>
            {v.kind === 'reflection' ? 'Compare with the model answer' : 'Check'}
          </button>
          {hintCount < v.hintsHtml.length && (
            <button
              type="button"
              class="exercise__hint-button"
              onClick={() => update((p) => ({ ...p, hints: Math.min(v.hintsHtml.length, p.hints + 1) }))}
            >
              {hintCount === 0 ? 'Hint' : 'Another hint'} ({hintCount + 1} of {v.hintsHtml.length})
            </button>
          )}
          {!revealed && v.kind !== 'reflection' && (
            <button
              type="button"
              class="exercise__reveal-button"
              aria-disabled={attempted ? undefined : 'true'}
              aria-describedby={attempted ? undefined : `${uid}-reveal-note`}
              onClick={() => {
                if (!attempted) {
                  setFeedback({
                    tone: 'info',
                    lead: 'Have a go first: check an answer (a hint may help), then the model answer opens.',
                  });
                  return;
                }
                update((p) => ({ ...p, revealed: true }));
              }}
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
      {hintCount > 0 && (
        <ul class="exercise__hints" aria-label="Hints">
          {v.hintsHtml.slice(0, hintCount).map((h, i) => (
            <li>
              <strong>Hint {i + 1}:</strong>{' '}
              <span dangerouslySetInnerHTML={{ __html: h.replace(/^<p>|<\/p>$/g, '') }} />
            </li>
          ))}
        </ul>
      )}
      <div class="exercise__feedback" aria-live="polite" data-feedback={feedback?.tone ?? ''}>
        {feedback && (
          <div class={`exercise__verdict exercise__verdict--${feedback.tone}`}>
            <p>
              <span aria-hidden="true">
                {feedback.tone === 'right'
                  ? '✓ '
                  : feedback.tone === 'wrong'
                    ? '✗ '
                    : feedback.tone === 'unsure'
                      ? '? '
                      : ''}
              </span>
              <strong>{feedback.lead}</strong>
            </p>
            {feedback.detailHtml && (
              <p
                class="exercise__detail"
                dangerouslySetInnerHTML={{ __html: feedback.detailHtml.replace(/^<p>|<\/p>$/g, '') }}
              />
            )}
            {feedback.detail && <p class="exercise__detail">{feedback.detail}</p>}
            {feedback.items && feedback.items.length > 0 && (
              <ul class="exercise__option-feedback">
                {feedback.items.map((it) => (
                  <li class={it.ok ? 'is-right' : 'is-wrong'}>
                    <span class="exercise__mark" aria-hidden="true">
                      {it.ok ? '✓' : '✗'}
                    </span>
                    <span class="visually-hidden">{it.ok ? 'Right choice: ' : 'Wrong choice: '}</span>{' '}
                    <span dangerouslySetInnerHTML={{ __html: it.html.replace(/^<p>|<\/p>$/g, '') }} />
                  </li>
                ))}
              </ul>
            )}
            {feedback.text && <p class="exercise__explanation">{feedback.text}</p>}
            {feedback.html && <div class="exercise__explanation" dangerouslySetInnerHTML={{ __html: feedback.html }} />}
          </div>
        )}
        {judging && (
          <div class="exercise__judge" role="group" aria-label="How did your answer compare?">
            <button type="button" onClick={() => judge(true)}>
              Mine had the key points
            </button>
            <button type="button" onClick={() => judge(false)}>
              Mine missed something
            </button>
          </div>
        )}
      </div>
      {revealed && (
        <div class="question__answer exercise__answer">
          <p class="exercise__answer-title">Model answer</p>
          <div class="question__answer-body">
            <div dangerouslySetInnerHTML={{ __html: v.answerHtml }} />
            <div class="exercise__explanation" dangerouslySetInnerHTML={{ __html: v.explanationHtml }} />
          </div>
        </div>
      )}
      {v.task && <Task task={v.task} done={progress.task} onDone={markTask} />}
      <p class="exercise__status" data-progress={progress.solved ? 'solved' : attempted ? 'attempted' : 'new'}>
        {progress.solved
          ? 'Solved'
          : attempted
            ? `Attempted ${progress.attempts} ${progress.attempts === 1 ? 'time' : 'times'}`
            : 'Not attempted yet'}
        {progress.revealed ? ' · answer shown' : ''}
        {hintCount ? ` · ${hintCount} ${hintCount === 1 ? 'hint' : 'hints'}` : ''}
      </p>
      {showNotice && notice && (
        <div class="exercise__storage-box">
          <p class="exercise__storage" role="status" data-storage={store.status === 'ok' ? 'notes' : store.status}>
            {notice}
          </p>
          <button type="button" class="exercise__export" onClick={() => downloadProgress(store)}>
            Export your progress
          </button>
        </div>
      )}
    </div>
  );
}

type TaskState = { kind: 'absent' } | { kind: 'waiting' } | { kind: 'live'; report: WidgetReport };

function Task({ task, done, onDone }: { task: NonNullable<ExerciseView['task']>; done: boolean; onDone: () => void }) {
  const [state, setState] = useState<TaskState>({ kind: 'absent' });
  useEffect(() => {
    const read = () => {
      const root = document.querySelector(`[data-widget="${task.widget}"]`);
      if (!root) return setState({ kind: 'absent' });
      if (root.closest('astro-island[ssr]')) return setState({ kind: 'waiting' });
      const change = readWidgetChange(root);
      setState({ kind: 'live', report: change?.report ?? {} });
    };
    read();
    const onChange = (e: Event) => {
      const detail = (e as CustomEvent<WidgetChange>).detail;
      if (detail?.name === task.widget) setState({ kind: 'live', report: detail.report });
    };
    document.addEventListener(WIDGET_CHANGE_EVENT, onChange);
    return () => document.removeEventListener(WIDGET_CHANGE_EVENT, onChange);
  }, [task.widget]);

  const result = state.kind === 'live' ? checkGoals(task.goals, state.report) : undefined;
  const solvedNow = result?.solved ?? false;
  useEffect(() => {
    if (solvedNow && !done) onDone();
  }, [solvedNow, done, onDone]);

  const href = `#widget-${task.widget}`;
  return (
    <div
      class="exercise__task"
      data-task-widget={task.widget}
      data-task={solvedNow ? 'solved' : done ? 'done-before' : state.kind}
    >
      <TaskText task={task} />
      <ul class="exercise__goals">
        {task.goals.map((g, i) => {
          const met = result?.met[i] ?? false;
          return (
            <li class={met ? 'is-met' : ''}>
              <span aria-hidden="true">{met ? '✓' : '○'}</span> {g.says}
              <span class="visually-hidden">{met ? ' (done)' : ' (not yet)'}</span>
            </li>
          );
        })}
      </ul>
      <p class="exercise__task-status" aria-live="polite">
        {state.kind === 'absent' ? (
          `The ${task.widgetTitle} widget is not on this page yet, so this task cannot be checked here.`
        ) : state.kind === 'waiting' ? (
          <>
            The widget has not loaded yet: <a href={href}>scroll to the {task.widgetTitle} widget</a> to start it.
          </>
        ) : solvedNow ? (
          'Task done: the widget’s current state meets every goal.'
        ) : done ? (
          <>
            Done earlier. The widget’s current state does not meet every goal. <a href={href}>Go to the widget</a>.
          </>
        ) : (
          <>
            Checked live as you change <a href={href}>the widget</a>.
          </>
        )}
      </p>
    </div>
  );
}
