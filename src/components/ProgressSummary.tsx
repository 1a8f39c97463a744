/**
 * A lecture's exercise progress at a glance (lecture and home pages): solved / attempted / total
 * per part, widget tasks done, and reset (asks first), export to a small JSON file and import
 * (checked, with a clear error; asks before replacing saved progress).
 */
import { ScrollTable } from '~/widgets/shared/ScrollTable';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  downloadProgress,
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

  if (!hydrated || !store) {
    return (
      <section
        class="progress-summary"
        data-pagefind-ignore
        data-progress-summary={lecture}
        aria-labelledby={headingId}
      >
        <Heading id={headingId}>Your progress: {title}</Heading>
        <p>{allIds.length} exercises. Your progress is kept in this browser once the page’s scripts have loaded.</p>
      </section>
    );
  }

  const record = store.record;
  const all = totals(record, allIds);
  const tasksDone = taskIds.filter((id) => record.exercises[id]?.task).length;
  const anything = Object.keys(record.exercises).length > 0;
  const describe = (t: ReturnType<typeof totals>) => `${t.solved} solved, ${t.attempted} attempted`;

  const notice = storageNotice(store);

  const doExport = () => {
    downloadProgress(store);
    setMessage({ text: `Exported ${exportFileName(lecture)} (${describe(totals(store.everything(), allIds))}).` });
  };

  const doImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
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
    const done = store.replace(parsed.record);
    if (!done.ok) {
      setMessage({ text: done.error, error: true });
      return;
    }
    const left = parsed.dropped.length ? ` Entries it could not use were left out (${parsed.dropped.length}).` : '';
    setMessage({ text: `Imported ${file.name}: ${describe(incoming)}.${left}` });
  };

  const doReset = () => {
    if (
      !window.confirm(`Forget all your progress on ${title}? This cannot be undone; export it first to keep a copy.`)
    ) {
      setMessage({ text: 'Reset cancelled: your progress is unchanged.' });
      return;
    }
    const done = store.reset();
    setMessage(done.ok ? { text: 'Progress reset.' } : { text: done.error, error: true });
  };

  return (
    <section class="progress-summary" data-pagefind-ignore data-progress-summary={lecture} aria-labelledby={headingId}>
      <Heading id={headingId}>Your progress: {title}</Heading>
      <p data-summary="total">
        <strong>{all.solved}</strong> of {all.total} exercises solved, {all.attempted} attempted
        {taskIds.length > 0 && `; ${tasksDone} of ${taskIds.length} widget tasks done`}.
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
                const t = totals(record, p.ids);
                return (
                  <tr data-part={p.slug}>
                    <th scope="row">
                      <a href={p.href}>{p.title}</a>
                    </th>
                    <td class="num">{t.solved}</td>
                    <td class="num">{t.attempted}</td>
                    <td class="num">{t.total}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </ScrollTable>
      <div class="progress-summary__actions">
        <button type="button" onClick={doExport}>
          Export progress
        </button>
        <label class="button">
          Import progress…
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(e) => void doImport(e.currentTarget as HTMLInputElement)}
          />
        </label>
        <button type="button" onClick={doReset}>
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
        <p class="progress-summary__notice" role="status" data-storage={store.status === 'ok' ? 'notes' : store.status}>
          {notice}
        </p>
      )}
    </section>
  );
}
