/**
 * The interactive part of an exercise (a Preact island inside `Question.astro`): the answer
 * form of its kind, checking with feedback in a polite live region, hints one at a time, the
 * model answer once an attempt was made, an optional widget task checked live against the
 * widget's published report, and saved progress.
 *
 * Server-rendered it has the live form's shape with its controls disabled (so hydrating moves
 * nothing); without JavaScript it shows the options and the model answer in a plain `<details>`,
 * so the page reads and prints without it; alive, the answer is gated behind an attempt.
 *
 * Its parts (`./exercise/`): the form, checking (`verdict.ts`, plain functions), what it says back
 * (`FeedbackView.tsx`), the widget task, the static first state, and saved progress (`useProgress`).
 *
 * The checking code (verdict.ts and the answer checks it uses, ≈ 1.7 KB gz) is loaded when a reader
 * first comes near an exercise's form (pointer or focus), not with the page: most exercises on a
 * page are never answered, and a lecture part's scripts have a budget of 150 KB.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useLazyModule } from '~/widgets/shared/useLazyModule';
import { AnswerForm } from './exercise/AnswerForm';
import { FeedbackView, Hints, ModelAnswer, ProgressLine, StorageNotice } from './exercise/FeedbackView';
import { StaticExercise } from './exercise/StaticExercise';
import { Task } from './exercise/Task';
import { useNoticeOwner, useProgress } from './exercise/useProgress';
import type * as Checker from './exercise/verdict';
import type { Verdict } from './exercise/verdict';
import type { ExerciseView, Feedback } from './exercise/view';
import './exercise.css';

export default function Exercise(props: ExerciseView) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return <StaticExercise {...props} />;
  return <LiveExercise {...props} />;
}

/** Said when the checking code cannot be loaded (offline, or a new version of the site replaced it). */
const CHECKER_FAILED: Feedback = {
  tone: 'unsure',
  lead: 'Your answer could not be checked: the checking code did not load (are you offline?). Press the button again to retry; your answer is still here.',
};

function LiveExercise(v: ExerciseView) {
  const checker = useLazyModule(() => import('./exercise/verdict'));
  const [progress, store, update] = useProgress(v.lecture, v.id);
  const [feedback, setFeedback] = useState<Feedback>(undefined);
  const [judging, setJudging] = useState(false);
  const showNotice = useNoticeOwner(v.id);

  const attempted = progress.attempts > 0 || progress.solved;
  const hintCount = Math.min(progress.hints, v.hintsHtml.length);
  const revealed = progress.revealed;

  const apply = (verdict: Verdict | null) => {
    if (!verdict) return;
    if (verdict.change) update(verdict.change);
    if (verdict.judging !== undefined) setJudging(verdict.judging);
    setFeedback(verdict.feedback);
  };
  /** Runs a check once the checking code is here (at once if it already is). */
  const judge = (check: (m: typeof Checker) => Verdict | null) => {
    if (checker.loaded) return apply(check(checker.loaded));
    checker.load().then(
      (m) => apply(check(m)),
      () => setFeedback(CHECKER_FAILED),
    );
  };
  const markTask = useCallback(() => update((p) => ({ ...p, task: true })), [update]);

  return (
    <div class="exercise__body" onPointerEnter={checker.prefetch} onFocusCapture={checker.prefetch}>
      <AnswerForm
        v={v}
        hintCount={hintCount}
        attempted={attempted}
        revealed={revealed}
        onCheck={(chosen, text) => judge((m) => m.checkAnswer(v, chosen, text))}
        onHint={() => update((p) => ({ ...p, hints: Math.min(v.hintsHtml.length, p.hints + 1) }))}
        onReveal={() =>
          attempted ? update((p) => ({ ...p, revealed: true })) : judge((m) => ({ feedback: m.HAVE_A_GO }))
        }
      />
      <Hints hintsHtml={v.hintsHtml} count={hintCount} />
      <FeedbackView feedback={feedback} judging={judging} onJudge={(had) => judge((m) => m.selfJudged(had))} />
      {revealed && <ModelAnswer v={v} />}
      {v.task && <Task task={v.task} done={progress.task} onDone={markTask} />}
      <ProgressLine progress={progress} hintCount={hintCount} />
      {showNotice && <StorageNotice store={store} />}
    </div>
  );
}
