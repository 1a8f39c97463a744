/**
 * Checking an answer: what the reader is told, and what it changes in their progress. Plain
 * functions (the judging itself is `~/exercises/check`), so that they are tested without a page.
 */
import { checkNumeric, checkText, gradeChoice } from '~/exercises/check';
import type { ExerciseProgress } from '~/exercises/progress';
import type { ExerciseView, Feedback } from './view';

export type ProgressChange = (p: ExerciseProgress) => ExerciseProgress;

/**
 * A check's outcome: the feedback, the progress change if it counts as an attempt, and whether the
 * reader is (now, or no longer) asked to judge their own answer (reflection; unset: unchanged).
 */
export interface Verdict {
  feedback: Feedback;
  change?: ProgressChange;
  judging?: boolean;
}

/** One more attempt; solved stays solved. */
export const attempt =
  (solved: boolean): ProgressChange =>
  (p) => ({ ...p, attempts: p.attempts + 1, solved: p.solved || solved });

function checkChoice(v: ExerciseView, chosen: string[]): Verdict {
  if (!chosen.length)
    return {
      feedback: {
        tone: 'info',
        lead: v.kind === 'single' ? 'Choose an option first.' : 'Choose at least one option first.',
      },
    };
  const r = gradeChoice(
    v.options!.map((o) => ({ id: o.id, text: o.html, correct: o.correct, feedback: o.feedbackHtml })),
    chosen,
  );
  const missed =
    r.missed.length && r.chosen.every((c) => c.correct)
      ? ` You have not chosen every true statement yet: ${r.missed.length} more.`
      : '';
  // One chosen option: its feedback follows the verdict as a sentence. Several: each is marked.
  const only = v.kind === 'single' ? r.chosen[0] : undefined;
  return {
    change: attempt(r.correct),
    feedback: {
      tone: r.correct ? 'right' : 'wrong',
      lead: r.correct ? 'Right.' : `Not quite.${missed}`,
      items: only ? undefined : r.chosen.map((c) => ({ ok: c.correct, html: c.feedback })),
      detailHtml: only?.feedback,
      html: r.correct ? v.explanationHtml : undefined,
    },
  };
}

function checkNumber(v: ExerciseView, text: string): Verdict {
  const r = checkNumeric(text, v.value!, v.tolerance!);
  if (r.kind === 'unreadable')
    return {
      feedback: {
        tone: 'info',
        lead: 'That is not a number this page can read. Type digits, e.g. 3, 0.25, −1.5 or 1e-7.',
      },
    };
  const within = v.tolerance ? ` (Answers within ±${v.tolerance} count.)` : '';
  return {
    change: attempt(r.kind === 'right'),
    feedback:
      r.kind === 'right'
        ? { tone: 'right', lead: 'Right.', html: v.explanationHtml }
        : { tone: 'wrong', lead: `Not quite: ${text.trim()} is too ${r.direction}.${within}` },
  };
}

function checkShortAnswer(v: ExerciseView, text: string): Verdict | null {
  if (!text.trim()) return null;
  const r = checkText(text, v.shortAnswer!);
  if (r.kind === 'empty') return { feedback: { tone: 'info', lead: 'Type a word or two first.' } };
  return {
    change: attempt(r.kind === 'right'),
    feedback:
      r.kind === 'right'
        ? { tone: 'right', lead: 'Right.', html: v.explanationHtml }
        : r.kind === 'wrong'
          ? { tone: 'wrong', lead: 'Not quite.', text: r.feedback }
          : {
              tone: 'unsure',
              lead: 'Not sure: this page cannot tell whether that means the same as the model answer.',
              detail: `${r.feedback ? `${r.feedback} ` : ''}Say it another way, or compare with the model answer (“Show the answer”).`,
            },
  };
}

/** Reflection: writing something is the attempt; then the reader compares and judges. */
function reflect(text: string): Verdict {
  if (!text.trim())
    return { feedback: { tone: 'info', lead: 'Write your answer first, then compare it with the model answer.' } };
  return {
    change: (p) => ({ ...p, attempts: p.attempts + 1, revealed: true }),
    judging: true,
    feedback: { tone: 'info', lead: 'The model answer is below. How does yours compare?' },
  };
}

/** Checks the reader's answer (`chosen` options, or `text`); null: nothing to say (an empty short answer). */
export function checkAnswer(v: ExerciseView, chosen: string[], text: string): Verdict | null {
  if (v.kind === 'single' || v.kind === 'multiple') return checkChoice(v, chosen);
  if (v.kind === 'numeric') return checkNumber(v, text);
  if (v.kind === 'text') return checkShortAnswer(v, text);
  return reflect(text);
}

/** After a reflection: the reader's own judgement of their answer. */
export function selfJudged(had: boolean): Verdict {
  return had
    ? {
        change: (p) => ({ ...p, solved: true }),
        judging: false,
        feedback: { tone: 'right', lead: 'Marked as solved.' },
      }
    : {
        judging: false,
        feedback: {
          tone: 'info',
          lead: 'Not marked as solved. Read the model answer and the section it links to, then try again in your own words.',
        },
      };
}

/** What is offered when "Show the answer" is pressed before any attempt. */
export const HAVE_A_GO: Feedback = {
  tone: 'info',
  lead: 'Have a go first: check an answer (a hint may help), then the model answer opens.',
};
