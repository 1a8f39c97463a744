/**
 * What an exercise says back: hints taken, the verdict of the last check (in a polite live region),
 * the model answer once opened, the progress line and, for one exercise per page, the storage notice.
 */
import { downloadProgress, storageNotice, type ExerciseProgress, type ProgressStore } from '~/exercises/progress';
import { unwrapParagraph, type Feedback, type ExerciseView } from './view';

export function Hints({ hintsHtml, count }: { hintsHtml: string[]; count: number }) {
  if (count === 0) return null;
  return (
    <ul class="exercise__hints" aria-label="Hints">
      {hintsHtml.slice(0, count).map((h, i) => (
        <li>
          <strong>Hint {i + 1}:</strong> <span dangerouslySetInnerHTML={{ __html: unwrapParagraph(h) }} />
        </li>
      ))}
    </ul>
  );
}

const MARK = { right: '✓ ', wrong: '✗ ', unsure: '? ', info: '' } as const;

function Verdict({ feedback }: { feedback: NonNullable<Feedback> }) {
  return (
    <div class={`exercise__verdict exercise__verdict--${feedback.tone}`}>
      <p>
        <span aria-hidden="true">{MARK[feedback.tone]}</span>
        <strong>{feedback.lead}</strong>
      </p>
      {feedback.detailHtml && (
        <p class="exercise__detail" dangerouslySetInnerHTML={{ __html: unwrapParagraph(feedback.detailHtml) }} />
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
              <span dangerouslySetInnerHTML={{ __html: unwrapParagraph(it.html) }} />
            </li>
          ))}
        </ul>
      )}
      {feedback.text && <p class="exercise__explanation">{feedback.text}</p>}
      {feedback.html && <div class="exercise__explanation" dangerouslySetInnerHTML={{ __html: feedback.html }} />}
    </div>
  );
}

/** The verdict, and (after a reflection) the reader's own judgement of their answer. */
export function FeedbackView(props: { feedback: Feedback; judging: boolean; onJudge(had: boolean): void }) {
  const { feedback, judging, onJudge } = props;
  return (
    <div class="exercise__feedback" aria-live="polite" data-feedback={feedback?.tone ?? ''}>
      {feedback && <Verdict feedback={feedback} />}
      {judging && (
        <div class="exercise__judge" role="group" aria-label="How did your answer compare?">
          <button type="button" onClick={() => onJudge(true)}>
            Mine had the key points
          </button>
          <button type="button" onClick={() => onJudge(false)}>
            Mine missed something
          </button>
        </div>
      )}
    </div>
  );
}

export function ModelAnswer({ v }: { v: ExerciseView }) {
  return (
    <div class="question__answer exercise__answer">
      <p class="exercise__answer-title">Model answer</p>
      <div class="question__answer-body">
        <div dangerouslySetInnerHTML={{ __html: v.answerHtml }} />
        <div class="exercise__explanation" dangerouslySetInnerHTML={{ __html: v.explanationHtml }} />
      </div>
    </div>
  );
}

export function ProgressLine({ progress, hintCount }: { progress: ExerciseProgress; hintCount: number }) {
  const attempted = progress.attempts > 0 || progress.solved;
  return (
    <p class="exercise__status" data-progress={progress.solved ? 'solved' : attempted ? 'attempted' : 'new'}>
      {progress.solved
        ? 'Solved'
        : attempted
          ? `Attempted ${progress.attempts} ${progress.attempts === 1 ? 'time' : 'times'}`
          : 'Not attempted yet'}
      {progress.revealed ? ' · answer shown' : ''}
      {hintCount ? ` · ${hintCount} ${hintCount === 1 ? 'hint' : 'hints'}` : ''}
    </p>
  );
}

/** Why progress is not being saved (or what was kept aside), with the export. */
export function StorageNotice({ store }: { store: ProgressStore }) {
  const notice = storageNotice(store);
  if (!notice) return null;
  return (
    <div class="exercise__storage-box">
      <p class="exercise__storage" role="status" data-storage={store.status === 'ok' ? 'notes' : store.status}>
        {notice}
      </p>
      <button type="button" class="exercise__export" onClick={() => downloadProgress(store)}>
        Export your progress
      </button>
    </div>
  );
}
