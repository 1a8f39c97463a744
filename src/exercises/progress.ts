/**
 * Saved progress on a lecture's exercises: what was attempted, solved and revealed, kept in the
 * browser (localStorage, one key per lecture) under a versioned schema, and exported/imported as
 * a small JSON file a student can hand in.
 *
 * Storage can fail three ways — blocked (SecurityError, e.g. cookies off), full
 * (QuotaExceededError) or corrupt (unreadable JSON, wrong schema) — and then the store keeps the
 * progress in memory, the page works on, and `status` says progress is not being saved. A corrupt
 * record is never overwritten silently: it stays until the reader resets or imports.
 */

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
    'This browser does not let the site store data here, so your progress is not being saved. Everything else works.',
  full: 'The browser’s storage for this site is full, so your progress is not being saved. Everything else works.',
  corrupt:
    'Your saved progress could not be read (it is damaged or from another version of the site), so your progress is not being saved. Reset progress to start a fresh record, or import an exported file.',
};

export const EMPTY: ExerciseProgress = { attempts: 0, solved: false, revealed: false, hints: 0, task: false };

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

export type ParseResult = { ok: true; record: ProgressRecord } | { ok: false; error: string };

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 1_000_000;

/**
 * Read a progress record from text (saved or imported) and check every field. `knownIds`, when
 * given, are the lecture's exercise ids: a record naming others is refused. Errors are sentences
 * a student can act on.
 */
export function parseProgress(text: string, lecture: string, knownIds?: readonly string[]): ParseResult {
  if (text.length > MAX_IMPORT_BYTES)
    return { ok: false, error: `The file is too large to be a progress file (${Math.round(text.length / 1000)} kB).` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not a progress file: it is not valid JSON.' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, error: 'The file is not a progress file: it holds no record.' };
  const d = data as Record<string, unknown>;
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
    return { ok: false, error: `The progress file is for another lecture (${String(d.lecture)}), not ${lecture}.` };
  if (typeof d.saved !== 'string' || Number.isNaN(Date.parse(d.saved)))
    return { ok: false, error: 'The progress file has no valid date.' };
  const ex = d.exercises;
  if (!ex || typeof ex !== 'object' || Array.isArray(ex))
    return { ok: false, error: 'The progress file lists no exercises.' };
  const exercises: Record<string, ExerciseProgress> = {};
  for (const [id, raw] of Object.entries(ex as Record<string, unknown>)) {
    if (knownIds && !knownIds.includes(id))
      return { ok: false, error: `The progress file names an exercise this lecture does not have: "${id}".` };
    const p = raw as Record<string, unknown> | null;
    if (
      !p ||
      typeof p !== 'object' ||
      !isCount(p.attempts) ||
      !isCount(p.hints) ||
      typeof p.solved !== 'boolean' ||
      typeof p.revealed !== 'boolean' ||
      typeof p.task !== 'boolean'
    ) {
      return { ok: false, error: `The progress of exercise "${id}" is not well formed.` };
    }
    exercises[id] = { attempts: p.attempts, hints: p.hints, solved: p.solved, revealed: p.revealed, task: p.task };
  }
  return {
    ok: true,
    record: { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, lecture, saved: d.saved, exercises },
  };
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
    const p = record.exercises[id];
    if (!p) continue;
    if (p.attempts > 0 || p.solved) attempted++;
    if (p.solved) solved++;
    if (p.revealed) revealed++;
  }
  return { total: ids.length, attempted, solved, revealed };
}

function failure(err: unknown): Exclude<StorageStatus, 'ok' | 'corrupt'> {
  const e = err as { name?: string; code?: number } | null;
  return e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22)
    ? 'full'
    : 'blocked';
}

/** Where records are kept; `() => window.localStorage` in the page (reading it may itself throw). */
export type StorageGetter = () => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A lecture's progress: one per page and lecture (see `progressStore`), shared by every island. */
export class ProgressStore {
  record: ProgressRecord;
  status: StorageStatus = 'ok';
  private listeners = new Set<() => void>();

  constructor(
    readonly lecture: string,
    private readonly storage: StorageGetter,
  ) {
    this.record = emptyRecord(lecture);
    this.load();
  }

  /** (Re)read the saved record; sets `status`. */
  load(): void {
    let raw: string | null;
    try {
      const s = this.storage();
      raw = s.getItem(storageKey(this.lecture));
      // Probe that writing works, so a full or read-only storage is known before the first answer.
      s.setItem(`${storageKey(this.lecture)}:probe`, '1');
      s.removeItem(`${storageKey(this.lecture)}:probe`);
    } catch (err) {
      this.status = failure(err);
      this.emit();
      return;
    }
    if (raw === null) {
      this.record = emptyRecord(this.lecture);
      this.status = 'ok';
    } else {
      const parsed = parseProgress(raw, this.lecture);
      if (parsed.ok) {
        this.record = parsed.record;
        this.status = 'ok';
      } else {
        this.record = emptyRecord(this.lecture);
        this.status = 'corrupt';
      }
    }
    this.emit();
  }

  get(id: string): ExerciseProgress {
    return this.record.exercises[id] ?? EMPTY;
  }

  /** Change one exercise's progress and save. */
  update(id: string, change: (p: ExerciseProgress) => ExerciseProgress): void {
    const next = change(this.get(id));
    this.record = {
      ...this.record,
      saved: new Date().toISOString(),
      exercises: { ...this.record.exercises, [id]: next },
    };
    this.save();
  }

  /** Forget all progress on the lecture (also clears a corrupt record). */
  reset(): void {
    this.record = emptyRecord(this.lecture);
    if (this.status === 'corrupt') this.status = 'ok';
    try {
      this.storage().removeItem(storageKey(this.lecture));
      if (this.status !== 'ok') this.load();
    } catch (err) {
      this.status = failure(err);
    }
    this.emit();
  }

  /** Replace the progress with an imported record (already checked by `parseProgress`). */
  replace(record: ProgressRecord): void {
    this.record = record;
    if (this.status === 'corrupt') this.status = 'ok';
    this.save();
  }

  /** The record as the text of an export file. */
  exportText(): string {
    return `${JSON.stringify({ ...this.record, saved: this.record.saved === new Date(0).toISOString() ? new Date().toISOString() : this.record.saved }, null, 2)}\n`;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private save(): void {
    // A corrupt record stays untouched until the reader resets or imports.
    if (this.status !== 'corrupt') {
      try {
        this.storage().setItem(storageKey(this.lecture), JSON.stringify(this.record));
        this.status = 'ok';
      } catch (err) {
        this.status = failure(err);
      }
    }
    this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

const stores = new Map<string, ProgressStore>();

/** The page's store for a lecture (created on first use; follows changes made in other tabs). */
export function progressStore(lecture: string): ProgressStore {
  let store = stores.get(lecture);
  if (!store) {
    store = new ProgressStore(lecture, () => window.localStorage);
    stores.set(lecture, store);
    const s = store;
    window.addEventListener('storage', (e) => {
      if (e.key === storageKey(lecture) || e.key === null) s.load();
    });
  }
  return store;
}
