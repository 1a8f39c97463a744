/**
 * Exercises: the questions a lecture asks, with what is needed to check an answer in the page.
 * One typed list per lecture (`content/lectures/<lecture>/exercises.ts`) is read by the lecture
 * pages (the `Question` component) and by the instructors' answer key, so the two cannot drift.
 *
 * Rich text fields (prompts of options, feedback, hints, explanations, model answers) are a small
 * Markdown: paragraphs split by blank lines, `**bold**`, `*italic*`, `` `code` ``,
 * `[text](/root-relative/link/)` and `$TeX$` math, typeset at build time (see `render.ts`).
 */

/** A value a widget reports, or another field of the same report (`{ field: 'total' }`). */
export type Operand = number | string | boolean | { field: string };

/** Conditions on one reported field; all given must hold. `absLt`: |value| < bound. */
export interface Condition {
  eq?: Operand;
  ne?: Operand;
  lt?: Operand;
  le?: Operand;
  gt?: Operand;
  ge?: Operand;
  absLt?: number;
}

/** One goal of a widget task: a field of the report, its condition, and the goal in words. */
export interface Goal {
  field: string;
  is: Condition;
  /** The goal in words, shown with a tick when it holds ("every point classified correctly"). */
  says: string;
}

/** A task done in a widget on the page, solved live when every goal holds for the widget's report. */
export interface WidgetTask {
  /** The widget's `data-widget` name. */
  widget: string;
  /** What to do, in words (rich text). */
  text: string;
  goals: Goal[];
}

export interface ChoiceOption {
  /** Stable within the exercise: saved answers and tests name options by it. */
  id: string;
  text: string;
  correct: boolean;
  /** Why this option is right or wrong (shown when it is chosen). */
  feedback: string;
}

interface Base {
  /** Stable id: the anchor is `#q-<id>`, the root carries `data-exercise="<id>"`, progress keys on it. */
  id: string;
  /** Position in the lecture, 1-based, in reading order. */
  n: number;
  /** Slug of the part it stands in (`forward-pass`). */
  part: string;
  prompt: string;
  /** Hints, given one at a time, before the answer. */
  hints: string[];
  /** The model answer (the lecture's prose answer). */
  answer: string;
  /** A short explanation of the check, linking to the widget or section that shows the answer. */
  explanation: string;
  /** An optional task in a widget next to the question. */
  task?: WidgetTask;
}

export interface SingleChoice extends Base {
  kind: 'single';
  options: ChoiceOption[];
}
export interface MultipleChoice extends Base {
  kind: 'multiple';
  options: ChoiceOption[];
}
export interface NumericExercise extends Base {
  kind: 'numeric';
  value: number;
  /** Largest accepted absolute difference from `value`. */
  tolerance: number;
  /** Label of the input ("largest j"). */
  label: string;
}
/**
 * One meaning a short answer can carry, for one question. An answer carries it when it contains a
 * phrase of every group in `all` and none of the phrases in `not`. Phrases match as whole words;
 * case, punctuation, hyphens, spacing, plurals, possessives and filler words do not matter, and ŷ
 * may be typed as ŷ, y-hat, y^ or \hat{y} (see `answerWords` in `check.ts`).
 *
 * For ŷ, `{ all: [['predicted', 'estimate', 'output']], not: ['true', 'target', 'desired'] }` accepts
 * "the network's output" and refuses to accept "the true output".
 */
export interface AnswerMeaning {
  /** Groups of interchangeable phrases; the answer needs one phrase from every group. */
  all: string[][];
  /** Phrases that change the meaning: with any of them the answer does not carry this one. */
  not?: string[];
}

/** A meaning with what the reader is told when their answer carries it (plain text: no Markdown or TeX). */
export interface AnswerNote extends AnswerMeaning {
  feedback: string;
}

/** What `checkText` needs to judge a short answer. */
export interface ShortAnswer {
  /** Meanings that make an answer right. */
  accept: AnswerMeaning[];
  /** Wrong answers the question expects (the misconceptions it targets), each with why it is wrong. */
  reject?: AnswerNote[];
  /** Answers that are neither right nor wrong, such as "y hat" (the symbol read aloud), with what is missing. */
  unclear?: AnswerNote[];
}

export interface TextExercise extends Base, ShortAnswer {
  kind: 'text';
  /** The answer in a few words, as the answer key shows it. */
  key: string;
  label: string;
}
/** Free reflection: the reader writes an answer, then compares it with the model answer and judges it. */
export interface ReflectionExercise extends Base {
  kind: 'reflection';
}

export type Exercise = SingleChoice | MultipleChoice | NumericExercise | TextExercise | ReflectionExercise;
export type ExerciseKind = Exercise['kind'];

export const KIND_LABEL: Record<ExerciseKind, string> = {
  single: 'Choose one',
  multiple: 'Choose all that apply',
  numeric: 'Number',
  text: 'Short answer',
  reflection: 'In your own words',
};

/** A lecture's exercises, in reading order. */
export interface ExerciseSet {
  lecture: string;
  exercises: Exercise[];
}

/** Feedback that opens by judging (“Right.”, “True:”, “Wrong —”). */
const VERDICT_OPENING = /^\s*(right|wrong|true|false|correct|incorrect)\b\s*[.:;,—–]/i;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'absLt'] as const;

/**
 * Check a lecture's exercises; returns every problem found (empty = valid). Beyond the types:
 * ids well formed and unique, numbered 1..n in order, parts known, text present, choices with
 * the right number of correct options and feedback for each, tolerances sane, tasks well formed.
 */
export function validateExercises(set: ExerciseSet, parts?: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  set.exercises.forEach((e, i) => {
    const at = `exercise ${i + 1} (${e.id})`;
    if (!ID.test(e.id)) problems.push(`${at}: id must be lower-case words joined by "-"`);
    if (seen.has(e.id)) problems.push(`${at}: id used twice`);
    seen.add(e.id);
    if (e.n !== i + 1) problems.push(`${at}: numbered ${e.n}, expected ${i + 1}`);
    if (parts && !parts.includes(e.part)) problems.push(`${at}: unknown part "${e.part}"`);
    for (const [key, text] of [
      ['prompt', e.prompt],
      ['answer', e.answer],
      ['explanation', e.explanation],
    ] as const) {
      if (!text.trim()) problems.push(`${at}: ${key} is empty`);
    }
    if (e.hints.length === 0 || e.hints.some((h) => !h.trim()))
      problems.push(`${at}: needs at least one hint, none empty`);
    if (e.kind === 'single' || e.kind === 'multiple') {
      const ids = new Set(e.options.map((o) => o.id));
      if (e.options.length < 2) problems.push(`${at}: needs at least two options`);
      if (ids.size !== e.options.length) problems.push(`${at}: option ids repeat`);
      const right = e.options.filter((o) => o.correct).length;
      if (e.kind === 'single' && right !== 1)
        problems.push(`${at}: a single choice needs exactly one correct option, has ${right}`);
      if (e.kind === 'multiple' && right < 1) problems.push(`${at}: a multiple choice needs a correct option`);
      e.options.forEach((o) => {
        if (!ID.test(o.id)) problems.push(`${at}: option id "${o.id}" is not well formed`);
        if (!o.text.trim() || !o.feedback.trim()) problems.push(`${at}: option "${o.id}" needs text and feedback`);
        // The page marks each chosen option right or wrong itself; feedback that says it again reads "Right: Right."
        if (VERDICT_OPENING.test(o.feedback))
          problems.push(`${at}: option "${o.id}" feedback opens with a verdict the page already gives`);
      });
    }
    if (e.kind === 'numeric') {
      if (!Number.isFinite(e.value)) problems.push(`${at}: value must be finite`);
      if (!(e.tolerance >= 0) || !Number.isFinite(e.tolerance))
        problems.push(`${at}: tolerance must be a finite number ≥ 0`);
    }
    if (e.kind === 'text') {
      if (!e.key.trim()) problems.push(`${at}: needs a key answer`);
      if (e.accept.length === 0) problems.push(`${at}: needs accepted meanings`);
      const meanings: [string, AnswerMeaning][] = [
        ...e.accept.map((m, k): [string, AnswerMeaning] => [`accepted meaning ${k + 1}`, m]),
        ...(e.reject ?? []).map((m, k): [string, AnswerMeaning] => [`rejection ${k + 1}`, m]),
        ...(e.unclear ?? []).map((m, k): [string, AnswerMeaning] => [`unclear note ${k + 1}`, m]),
      ];
      for (const [what, m] of meanings) {
        if (m.all.length === 0 || m.all.some((g) => g.length === 0 || g.some((p) => !p.trim())))
          problems.push(`${at}: ${what} needs key phrases in every group`);
        if ((m.not ?? []).some((p) => !p.trim())) problems.push(`${at}: ${what} has an empty "not" phrase`);
      }
      [...(e.reject ?? []), ...(e.unclear ?? [])].forEach((r) => {
        if (!r.feedback.trim()) problems.push(`${at}: feedback missing for “${r.all.flat()[0] ?? ''}”`);
        if (/[$*`]/.test(r.feedback))
          problems.push(`${at}: feedback for “${r.all.flat()[0] ?? ''}” must be plain text`);
      });
    }
    if ((e.kind === 'numeric' || e.kind === 'text') && !e.label.trim()) problems.push(`${at}: needs an input label`);
    if (e.task) {
      if (!ID.test(e.task.widget)) problems.push(`${at}: task widget name "${e.task.widget}" is not well formed`);
      if (e.task.goals.length === 0) problems.push(`${at}: task needs goals`);
      e.task.goals.forEach((g) => {
        const ops = Object.keys(g.is);
        if (ops.length === 0 || ops.some((op) => !(OPS as readonly string[]).includes(op)))
          problems.push(`${at}: task goal on "${g.field}" has no or unknown conditions`);
        if (!g.says.trim()) problems.push(`${at}: task goal on "${g.field}" needs words`);
      });
    }
  });
  return problems;
}
