/**
 * Saved progress on a lecture's exercises: what was attempted, solved and revealed, kept in the
 * browser (localStorage, one key per lecture) under a versioned schema, and exported/imported as
 * a small JSON file a student can hand in. Storage goes through `~/util/storage` (see its rules).
 *
 * What is stored is never lost to what the page does:
 * - every write reads the stored record first and merges it with the page's, exercise by exercise
 *   (counts take the larger, flags stay set once set — the newest attempt wins), so no exercise is
 *   ever dropped, whether another tab wrote in between or the page could not read storage at first;
 * - storage can fail — blocked (SecurityError, e.g. cookies off) or full (QuotaExceededError) — and
 *   then the page keeps everything it knows (saved and new) in memory, `status` says progress is
 *   not being saved and why, and the export still holds all of it;
 * - a record the page cannot read or merge (damaged JSON, another version, wrong shape) is never
 *   overwritten: it stays as it is, a copy is kept under `<key>.backup`, and `status` says so until
 *   the reader resets or imports; both of those first copy the stored record to the backup too;
 * - entries with dangerous or malformed names (`__proto__`, `constructor`, a 5 000-character id)
 *   are dropped with a note (`notes`), after a backup of the record as it was.
 */
import {
  BACKUP_SUFFIX,
  DANGEROUS_KEYS,
  backup,
  clip,
  isRecord,
  localStore,
  parseJson,
  probeWrite,
  readText,
  removeKey,
  writeText,
  type StorageGetter,
} from '~/util/storage';

export const PROGRESS_FORMAT = 'feedforward-progress';
export const PROGRESS_VERSION = 1;
/** Largest import accepted (a full record of a lecture is about 3 KB). */
export const MAX_IMPORT_BYTES = 200_000;

export interface ExerciseProgress {
  /** Checked answers (reflections: compared with the model answer). */
  attempts: number;
  solved: boolean;
  /** The model answer was shown. */
  revealed: boolean;
  /** Hints shown. */
  hints: number;
  /** The widget task next to the question was done. */
  task: boolean;
}

export interface ProgressRecord {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  lecture: string;
  /** ISO time of the last change. */
  saved: string;
  exercises: Record<string, ExerciseProgress>;
}

export type StorageStatus = 'ok' | 'blocked' | 'full' | 'corrupt';

export const STATUS_MESSAGE: Record<Exclude<StorageStatus, 'ok'>, string> = {
  blocked:
    'This browser does not let the site store data here, so your progress is not being saved. It is kept while this page is open: export it to keep a copy. Everything else works.',
  full: 'The browser’s storage for this site is full, so your progress is not being saved. Everything you have done (saved before and new) is kept while this page is open: export it to keep a copy. Everything else works.',
  corrupt:
    'Your saved progress could not be read (it is damaged or from another version of the site), so your progress is not being saved over it: the saved record is kept untouched, with a copy beside it. Export what you do now, reset progress to start a fresh record, or import an exported file.',
};

export const EMPTY: ExerciseProgress = { attempts: 0, solved: false, revealed: false, hints: 0, task: false };

/** Most exercises a record may list (a lecture has a few dozen). */
export const MAX_EXERCISES = 1000;
/** Exercise ids as the registry makes them (lower-case words joined by "-"), at most 80 characters. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isExerciseId = (id: string): boolean => id.length <= 80 && ID.test(id) && !DANGEROUS_KEYS.has(id);

export function storageKey(lecture: string): string {
  return `feedforward:progress:${lecture}`;
}

/** `02-feedforward` → `feedforward-lecture02-progress.json`. */
export function exportFileName(lecture: string): string {
  const number = /^(\d+)/.exec(lecture)?.[1] ?? lecture;
  return `feedforward-lecture${number}-progress.json`;
}

export function emptyRecord(lecture: string): ProgressRecord {
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    lecture,
    saved: new Date(0).toISOString(),
    exercises: {},
  };
}

/** An exercise's progress in a record, read safely (`record.exercises.constructor` is not progress). */
export function progressOf(record: ProgressRecord, id: string): ExerciseProgress | undefined {
  return Object.prototype.hasOwnProperty.call(record.exercises, id) ? record.exercises[id] : undefined;
}

export type ParseResult =
  | {
      ok: true;
      record: ProgressRecord;
      /** Entries left out: dangerous keys anywhere in the file, malformed exercise ids. */
      dropped: string[];
    }
  | { ok: false; error: string };

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 1_000_000;

/**
 * Read a progress record from text (saved or imported) and check every field. `knownIds`, when
 * given, are the lecture's exercise ids: a record naming others is refused. Errors are sentences
 * a student can act on. Dangerous keys and malformed ids are dropped (listed in `dropped`); a
 * record whose shape is wrong is refused whole. Never throws.
 */
export function parseProgress(text: string, lecture: string, knownIds?: readonly string[]): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: 'The file is not a progress file: it holds no text.' };
  if (text.length > MAX_IMPORT_BYTES)
    return { ok: false, error: `The file is too large to be a progress file (${Math.round(text.length / 1000)} kB).` };
  const json = parseJson(text, MAX_IMPORT_BYTES, 8);
  if (!json.ok) return { ok: false, error: 'The file is not a progress file: it is not valid JSON.' };
  const data = json.value;
  if (!isRecord(data)) return { ok: false, error: 'The file is not a progress file: it holds no record.' };
  const d = data;
  if (d.format !== PROGRESS_FORMAT) return { ok: false, error: 'The file is not a progress file of this site.' };
  if (typeof d.version !== 'number' || !Number.isInteger(d.version))
    return { ok: false, error: 'The progress file has no version.' };
  if (d.version > PROGRESS_VERSION)
    return {
      ok: false,
      error: `The progress file was made by a newer version of the site (format ${d.version}); this page reads format ${PROGRESS_VERSION}.`,
    };
  if (d.version !== PROGRESS_VERSION)
    return { ok: false, error: `The progress file has an unknown format version (${d.version}).` };
  if (d.lecture !== lecture)
    return {
      ok: false,
      error: `The progress file is for another lecture (${clip(String(d.lecture))}), not ${lecture}.`,
    };
  if (typeof d.saved !== 'string' || d.saved.length > 40 || Number.isNaN(Date.parse(d.saved)))
    return { ok: false, error: 'The progress file has no valid date.' };
  const ex = d.exercises;
  if (!isRecord(ex)) return { ok: false, error: 'The progress file lists no exercises.' };
  const entries = Object.entries(ex);
  if (entries.length > MAX_EXERCISES)
    return { ok: false, error: `The progress file lists too many exercises (${entries.length}).` };
  const dropped = [...json.dropped];
  const exercises: Record<string, ExerciseProgress> = {};
  for (const [id, p] of entries) {
    if (!isExerciseId(id)) {
      dropped.push(id);
      continue;
    }
    if (knownIds && !knownIds.includes(id))
      return { ok: false, error: `The progress file names an exercise this lecture does not have: "${clip(id)}".` };
    if (
      !isRecord(p) ||
      !isCount(p.attempts) ||
      !isCount(p.hints) ||
      typeof p.solved !== 'boolean' ||
      typeof p.revealed !== 'boolean' ||
      typeof p.task !== 'boolean'
    ) {
      return { ok: false, error: `The progress of exercise "${clip(id)}" is not well formed.` };
    }
    exercises[id] = { attempts: p.attempts, hints: p.hints, solved: p.solved, revealed: p.revealed, task: p.task };
  }
  return {
    ok: true,
    record: { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, lecture, saved: d.saved, exercises },
    dropped,
  };
}

/** One exercise's progress from two sources: counts take the larger, flags stay set once set. */
export function mergeExercise(a: ExerciseProgress | undefined, b: ExerciseProgress | undefined): ExerciseProgress {
  if (!a) return { ...(b ?? EMPTY) };
  if (!b) return { ...a };
  return {
    attempts: Math.max(a.attempts, b.attempts),
    hints: Math.max(a.hints, b.hints),
    solved: a.solved || b.solved,
    revealed: a.revealed || b.revealed,
    task: a.task || b.task,
  };
}

/** Two records of the same lecture merged exercise by exercise; every exercise of either is kept. */
export function mergeRecords(a: ProgressRecord, b: ProgressRecord): ProgressRecord {
  const exercises: Record<string, ExerciseProgress> = {};
  for (const id of new Set([...Object.keys(a.exercises), ...Object.keys(b.exercises)])) {
    if (!isExerciseId(id)) continue;
    exercises[id] = mergeExercise(progressOf(a, id), progressOf(b, id));
  }
  const saved = (Date.parse(a.saved) || 0) >= (Date.parse(b.saved) || 0) ? a.saved : b.saved;
  return { ...a, saved, exercises };
}

export interface Totals {
  total: number;
  attempted: number;
  solved: number;
  revealed: number;
}

/** Counts over a list of exercise ids (attempted: checked at least once or solved). */
export function totals(record: ProgressRecord, ids: readonly string[]): Totals {
  let attempted = 0;
  let solved = 0;
  let revealed = 0;
  for (const id of ids) {
    const p = progressOf(record, id);
    if (!p) continue;
    if (p.attempts > 0 || p.solved) attempted++;
    if (p.solved) solved++;
    if (p.revealed) revealed++;
  }
  return { total: ids.length, attempted, solved, revealed };
}

/** What a write or a destructive change did, for the page to tell the reader. */
export type ChangeResult = { ok: true } | { ok: false; error: string };

type Stored =
  | { kind: 'absent' }
  | { kind: 'record'; record: ProgressRecord; dropped: string[] }
  | { kind: 'unreadable'; error: string }
  | { kind: 'failed'; fault: 'blocked' | 'full'; reason: string };

/** A lecture's progress: one per page and lecture (see `progressStore`), shared by every island. */
export class ProgressStore {
  /** Everything the page knows: the stored record merged with what was done on this page. */
  record: ProgressRecord;
  status: StorageStatus = 'ok';
  /** Why storage failed (the browser's error, or what is wrong with the stored record). */
  reason: string | undefined;
  /** Other things the reader should know (entries dropped from the stored record). */
  notes: string[] = [];
  private listeners = new Set<() => void>();

  constructor(
    readonly lecture: string,
    private readonly storage: StorageGetter,
  ) {
    this.record = emptyRecord(lecture);
    this.load();
  }

  get key(): string {
    return storageKey(this.lecture);
  }

  get backupKey(): string {
    return this.key + BACKUP_SUFFIX;
  }

  private readStored(): Stored {
    const r = readText(this.storage, this.key);
    if (!r.ok) return { kind: 'failed', fault: r.fault, reason: r.reason };
    if (r.value === null) return { kind: 'absent' };
    const parsed = parseProgress(r.value, this.lecture);
    return parsed.ok
      ? { kind: 'record', record: parsed.record, dropped: parsed.dropped }
      : { kind: 'unreadable', error: parsed.error };
  }

  /** Take in what is stored (merged with what the page knows); sets `status`. False: do not write. */
  private absorb(stored: Stored): boolean {
    switch (stored.kind) {
      case 'failed':
        this.status = stored.fault;
        this.reason = stored.reason;
        return false;
      case 'unreadable':
        this.status = 'corrupt';
        this.reason = stored.error;
        // The damaged record stays where it is; an older backup, if any, is left alone too.
        backup(this.storage, this.key, true);
        return false;
      case 'absent':
        return true;
      case 'record': {
        this.record = mergeRecords(stored.record, this.record);
        if (stored.dropped.length) {
          const names = [...new Set(stored.dropped)].map((k) => `“${clip(k)}”`).join(', ');
          const b = backup(this.storage, this.key);
          this.notes = [
            `Your saved progress held entries this page cannot use (${names}); they were left out${b.ok ? `, and the record as it was is kept under “${this.backupKey}”` : ''}.`,
          ];
          if (!b.ok) {
            // Writing now would lose those entries without a copy: keep the stored record as it is.
            this.status = b.fault;
            this.reason = b.reason;
            return false;
          }
        }
        return true;
      }
    }
  }

  /** (Re)read the saved record and merge it in; sets `status` (checks that writing works). */
  load(): void {
    const writable = this.absorb(this.readStored());
    if (writable) {
      const probe = probeWrite(this.storage, this.key);
      if (probe.ok) {
        this.status = 'ok';
        this.reason = undefined;
      } else {
        this.status = probe.fault;
        this.reason = probe.reason;
      }
    }
    this.emit();
  }

  get(id: string): ExerciseProgress {
    return progressOf(this.record, id) ?? EMPTY;
  }

  /** Change one exercise's progress and save (read, merge, write). */
  update(id: string, change: (p: ExerciseProgress) => ExerciseProgress): void {
    if (!isExerciseId(id)) return;
    const next = change(this.get(id));
    this.record = {
      ...this.record,
      saved: new Date().toISOString(),
      exercises: { ...this.record.exercises, [id]: next },
    };
    this.save();
  }

  /** Forget all progress on the lecture, after copying the stored record to the backup. */
  reset(): ChangeResult {
    const b = backup(this.storage, this.key);
    if (!b.ok && b.fault === 'full') {
      this.status = 'full';
      this.reason = b.reason;
      this.emit();
      return {
        ok: false,
        error:
          'Progress not reset: the browser’s storage is full, so no backup copy of your saved progress could be kept first. Export your progress, free some space, then try again.',
      };
    }
    this.record = emptyRecord(this.lecture);
    this.notes = [];
    const r = removeKey(this.storage, this.key);
    if (r.ok) {
      this.status = 'ok';
      this.reason = undefined;
      this.load();
    } else {
      this.status = r.fault;
      this.reason = r.reason;
      this.emit();
    }
    return { ok: true };
  }

  /** Replace the progress with an imported record (checked by `parseProgress`), after a backup. */
  replace(record: ProgressRecord): ChangeResult {
    const b = backup(this.storage, this.key);
    if (!b.ok && b.fault === 'full') {
      this.status = 'full';
      this.reason = b.reason;
      this.emit();
      return {
        ok: false,
        error:
          'Nothing imported: the browser’s storage is full, so no backup copy of your saved progress could be kept first. Export your progress, free some space, then try again.',
      };
    }
    this.record = record;
    this.notes = [];
    const w = writeText(this.storage, this.key, JSON.stringify(record));
    if (w.ok) {
      this.status = 'ok';
      this.reason = undefined;
    } else {
      this.status = w.fault;
      this.reason = w.reason;
    }
    this.emit();
    return { ok: true };
  }

  /** Everything known — the stored record (if readable) merged with the page's — as a record. */
  everything(): ProgressRecord {
    const stored = this.readStored();
    return stored.kind === 'record' ? mergeRecords(stored.record, this.record) : this.record;
  }

  /** Everything known, as the text of an export file. */
  exportText(): string {
    const all = this.everything();
    const saved = all.saved === new Date(0).toISOString() ? new Date().toISOString() : all.saved;
    return `${JSON.stringify({ ...all, saved }, null, 2)}\n`;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private save(): void {
    // Read before write: merge what is stored; never write over what could not be read.
    if (this.absorb(this.readStored())) {
      const w = writeText(this.storage, this.key, JSON.stringify(this.record));
      if (w.ok) {
        this.status = 'ok';
        this.reason = undefined;
      } else {
        this.status = w.fault;
        this.reason = w.reason;
      }
    }
    this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

/** The notice for the reader, or '' when all is well: the status's message, its reason, the notes. */
export function storageNotice(store: Pick<ProgressStore, 'status' | 'reason' | 'notes'>): string {
  const parts: string[] = [];
  if (store.status !== 'ok') {
    parts.push(STATUS_MESSAGE[store.status]);
    if (store.reason) parts.push(`(Reason: ${store.reason})`);
  }
  parts.push(...store.notes);
  return parts.join(' ');
}

/** Save the export file of everything known (a download the browser offers). */
export function downloadProgress(store: ProgressStore): void {
  const blob = new Blob([store.exportText()], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(store.lecture);
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const stores = new Map<string, ProgressStore>();

/** The page's store for a lecture (created on first use; follows changes made in other tabs). */
export function progressStore(lecture: string): ProgressStore {
  let store = stores.get(lecture);
  if (!store) {
    store = new ProgressStore(lecture, localStore);
    stores.set(lecture, store);
    const s = store;
    window.addEventListener('storage', (e) => {
      if (e.key === storageKey(lecture) || e.key === null) s.load();
    });
  }
  return store;
}
