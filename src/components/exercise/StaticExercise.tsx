import { TaskText } from './Task';
import { unwrapParagraph, type ExerciseView } from './view';

/**
 * Before hydration: the live form's first state (nothing attempted yet), its controls disabled,
 * so that coming alive moves nothing on the page. Without JavaScript the controls are hidden by
 * CSS (`scripting: none`) and the model answer is offered in a `<details>` instead.
 */
export function StaticExercise(v: ExerciseView) {
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
                <span id={`${uid}-${o.id}`} dangerouslySetInnerHTML={{ __html: unwrapParagraph(o.html) }} />
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
