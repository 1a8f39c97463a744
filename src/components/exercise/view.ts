/** What the exercise island is given, and what it says back after a check. */
import type { ExerciseKind, Goal, ShortAnswer } from '~/exercises/types';

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
  task?: ExerciseTask;
}

export type ExerciseTask = { widget: string; html: string; goals: Goal[]; widgetTitle: string };

export type Feedback =
  | {
      tone: 'right' | 'wrong' | 'unsure' | 'info';
      lead: string;
      items?: { ok: boolean; html: string }[] | undefined;
      /** Said right after the verdict: the chosen option's feedback, or what an unsure verdict asks for. */
      detailHtml?: string | undefined;
      detail?: string | undefined;
      /** The reason, shown as "Why: …" (plain text, or the exercise's explanation as HTML). */
      html?: string | undefined;
      text?: string | undefined;
    }
  | undefined;

/** Rendered rich text is one or more `<p>`; inline spots take its first paragraph's content. */
export function unwrapParagraph(html: string): string {
  return html.replace(/^<p>|<\/p>$/g, '');
}
