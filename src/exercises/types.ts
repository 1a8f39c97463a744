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
/** A wrong answer a short-answer question expects, recognised by any of its key phrases, with why it is wrong. */
export interface TextRejection {
  /** Key phrases, matched like accepted ones (whole words; case, punctuation, spacing, plurals ignored). */
  match: string[];
  /** Why that answer is wrong, in plain text (no Markdown or TeX), shown when it is given. */
  feedback: string;
}
export interface TextExercise extends Base {
  kind: 'text';
  /**
   * Accepted key phrases: an answer is right when it contains one of them as whole words (see
   * `checkText` in `check.ts`). The first is the one shown in the key.
   */
  accept: string[];
  /** Wrong answers to recognise and explain; a rejection wins over an accepted phrase. */
  reject?: TextRejection[];
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
      });
    }
    if (e.kind === 'numeric') {
      if (!Number.isFinite(e.value)) problems.push(`${at}: value must be finite`);
      if (!(e.tolerance >= 0) || !Number.isFinite(e.tolerance))
        problems.push(`${at}: tolerance must be a finite number ≥ 0`);
    }
    if (e.kind === 'text') {
      if (e.accept.length === 0 || e.accept.some((a) => !a.trim())) problems.push(`${at}: needs accepted answers`);
      (e.reject ?? []).forEach((r, k) => {
        if (r.match.length === 0 || r.match.some((m) => !m.trim()))
          problems.push(`${at}: rejection ${k + 1} needs key phrases`);
        if (!r.feedback.trim()) problems.push(`${at}: rejection ${k + 1} needs feedback`);
        if (/[$*`]/.test(r.feedback)) problems.push(`${at}: rejection ${k + 1} feedback must be plain text`);
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
