/**
 * A widget task beside an exercise: its goals, checked live against the widget's published report
 * (`data-report`, and the change event every widget sends), remembered once met.
 */
import { useEffect, useState } from 'preact/hooks';
import { checkGoals } from '~/exercises/goals';
import {
  WIDGET_CHANGE_EVENT,
  readWidgetChange,
  type WidgetChange,
  type WidgetReport,
} from '~/widgets/shared/WidgetFrame';
import { unwrapParagraph, type ExerciseTask } from './view';

export function TaskText({ task }: { task: ExerciseTask }) {
  return (
    <div class="exercise__task-text">
      <strong>Widget task. </strong>
      <span dangerouslySetInnerHTML={{ __html: unwrapParagraph(task.html) }} />
    </div>
  );
}

type TaskState = { kind: 'absent' } | { kind: 'waiting' } | { kind: 'live'; report: WidgetReport };

/** The widget's state: not on the page, on it but not started yet, or live with its report. */
function useWidgetReport(widget: string): TaskState {
  const [state, setState] = useState<TaskState>({ kind: 'absent' });
  useEffect(() => {
    const read = () => {
      const root = document.querySelector(`[data-widget="${widget}"]`);
      if (!root) return setState({ kind: 'absent' });
      if (root.closest('astro-island[ssr]')) return setState({ kind: 'waiting' });
      const change = readWidgetChange(root);
      setState({ kind: 'live', report: change?.report ?? {} });
    };
    read();
    const onChange = (e: Event) => {
      const detail = (e as CustomEvent<WidgetChange>).detail;
      if (detail?.name === widget) setState({ kind: 'live', report: detail.report });
    };
    document.addEventListener(WIDGET_CHANGE_EVENT, onChange);
    return () => document.removeEventListener(WIDGET_CHANGE_EVENT, onChange);
  }, [widget]);
  return state;
}

function TaskStatus({
  task,
  state,
  solvedNow,
  done,
}: {
  task: ExerciseTask;
  state: TaskState;
  solvedNow: boolean;
  done: boolean;
}) {
  const href = `#widget-${task.widget}`;
  return (
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
  );
}

export function Task({ task, done, onDone }: { task: ExerciseTask; done: boolean; onDone: () => void }) {
  const state = useWidgetReport(task.widget);
  const result = state.kind === 'live' ? checkGoals(task.goals, state.report) : undefined;
  const solvedNow = result?.solved ?? false;
  useEffect(() => {
    if (solvedNow && !done) onDone();
  }, [solvedNow, done, onDone]);

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
      <TaskStatus task={task} state={state} solvedNow={solvedNow} done={done} />
    </div>
  );
}
