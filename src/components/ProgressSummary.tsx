/**
 * A lecture's exercise progress at a glance (lecture and home pages): solved / attempted / total
 * per part, widget tasks done, and reset (asks first), export to a small JSON file and import
 * (checked, with a clear error; asks before replacing saved progress).
 */
import { ScrollTable } from '~/widgets/shared/ScrollTable';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  downloadProgress,
  emptyRecord,
  exportFileName,
  parseProgress,
  progressStore,
  storageNotice,
  totals,
} from '~/exercises/progress';
import './exercise.css';

export interface ProgressSummaryProps {
  lecture: string;
  /** "Lecture 2: The feedforward network" — used in the heading and the questions asked. */
  title: string;
  parts: { slug: string; title: string; href: string; ids: string[] }[];
  /** Ids of the exercises that carry a widget task. */
  taskIds: string[];
  headingLevel?: 2 | 3;
}

type Message = { text: string; error?: boolean } | undefined;

/** A count not known yet (before the island is alive). */
const UNKNOWN = '–';

export default function ProgressSummary({ lecture, title, parts, taskIds, headingLevel = 2 }: ProgressSummaryProps) {
  const [hydrated, setHydrated] = useState(false);
  const [, setVersion] = useState(0);
  const [message, setMessage] = useState<Message>(undefined);
  const store = useMemo(() => (typeof window === 'undefined' ? undefined : progressStore(lecture)), [lecture]);
  useEffect(() => {
    setHydrated(true);
    return store?.subscribe(() => setVersion((v) => v + 1));
  }, [store]);
  const Heading = `h${headingLevel}` as 'h2';
  const headingId = `progress-${lecture}-title`;
  const allIds = parts.flatMap((p) => p.ids);

  // Until the island is alive (and without JavaScript) the saved progress is unknown: the summary
  // has its live shape with dashes for the counts and the buttons disabled, so coming alive moves
  // nothing; without JavaScript a sentence says why instead.
  const alive = hydrated ? store : undefined;
  const record = alive?.record;
  const known = record ?? emptyRecord(lecture);
  const count = (n: number) => (record ? n : UNKNOWN);
  const all = totals(known, allIds);
  const tasksDone = taskIds.filter((id) => known.exercises[id]?.task).length;
  const anything = Object.keys(known.exercises).length > 0;
  const describe = (t: ReturnType<typeof totals>) => `${t.solved} solved, ${t.attempted} attempted`;

  const notice = alive && storageNotice(alive);

  const doExport = () => {
    if (!alive) return;
    downloadProgress(alive);
    setMessage({ text: `Exported ${exportFileName(lecture)} (${describe(totals(alive.everything(), allIds))}).` });
  };

  const doImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !alive) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ text: `Could not read ${file.name}.`, error: true });
      return;
    }
    const parsed = parseProgress(text, lecture, allIds);
    if (!parsed.ok) {
      setMessage({ text: `Nothing imported from ${file.name}: ${parsed.error}`, error: true });
      return;
    }
    const incoming = totals(parsed.record, allIds);
    if (
      anything &&
      !window.confirm(
        `Replace your saved progress on ${title} (${describe(all)}) with the file’s (${describe(incoming)})?`,
      )
    ) {
      setMessage({ text: 'Import cancelled: your progress is unchanged.' });
      return;
    }
    const done = alive.replace(parsed.record);
    if (!done.ok) {
      setMessage({ text: done.error, error: true });
      return;
    }
    const left = parsed.dropped.length ? ` Entries it could not use were left out (${parsed.dropped.length}).` : '';
    setMessage({ text: `Imported ${file.name}: ${describe(incoming)}.${left}` });
  };

  const doReset = () => {
    if (!alive) return;
    if (
      !window.confirm(`Forget all your progress on ${title}? This cannot be undone; export it first to keep a copy.`)
    ) {
      setMessage({ text: 'Reset cancelled: your progress is unchanged.' });
      return;
    }
    const done = alive.reset();
    setMessage(done.ok ? { text: 'Progress reset.' } : { text: done.error, error: true });
  };

  return (
    <section class="progress-summary" data-pagefind-ignore data-progress-summary={lecture} aria-labelledby={headingId}>
      <Heading id={headingId}>Your progress: {title}</Heading>
      <p class="progress-summary__no-script">
        {allIds.length} exercises. Your progress is kept in this browser when the page’s scripts run.
      </p>
      <p data-summary="total" class="progress-summary__live-only">
        <strong>{count(all.solved)}</strong> of {all.total} exercises solved, {count(all.attempted)} attempted
        {taskIds.length > 0 && `; ${count(tasksDone)} of ${taskIds.length} widget tasks done`}.
        {!record && <span class="visually-hidden"> (your saved progress is loading)</span>}
      </p>
      <ScrollTable label="Progress by part">
        <table>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col" class="num">
                Solved
              </th>
              <th scope="col" class="num">
                Attempted
              </th>
              <th scope="col" class="num">
                Exercises
              </th>
            </tr>
          </thead>
          <tbody>
            {parts
              .filter((p) => p.ids.length > 0)
              .map((p) => {
                const t = totals(known, p.ids);
                return (
                  <tr data-part={p.slug}>
                    <th scope="row">
                      <a href={p.href}>{p.title}</a>
                    </th>
                    <td class="num">{count(t.solved)}</td>
                    <td class="num">{count(t.attempted)}</td>
                    <td class="num">{t.total}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </ScrollTable>
      <div class="progress-summary__actions progress-summary__live-only">
        <button type="button" onClick={doExport} disabled={!alive}>
          Export progress
        </button>
        <label class="button" data-disabled={alive ? undefined : ''}>
          Import progress…
          <input
            type="file"
            disabled={!alive}
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(e) => void doImport(e.currentTarget as HTMLInputElement)}
          />
        </label>
        <button type="button" onClick={doReset} disabled={!alive}>
          Reset progress
        </button>
      </div>
      <p
        class={`progress-summary__message${message?.error ? ' progress-summary__message--error' : ''}`}
        aria-live="polite"
        data-message={message?.error ? 'error' : message ? 'ok' : ''}
      >
        {message?.text}
      </p>
      {notice && (
        <p class="progress-summary__notice" role="status" data-storage={alive.status === 'ok' ? 'notes' : alive.status}>
          {notice}
        </p>
      )}
    </section>
  );
}
