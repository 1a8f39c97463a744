/**
 * The reader's edits to a notebook's cells, kept in the browser one key per cell
 * (`feedforward:notebook:<slug>:<cell>`, the code as plain text), through `~/util/storage`:
 *
 * - storage blocked or full: the edits stay in the page and `onProblem` says why (the page offers
 *   "Download .ts"); nothing throws;
 * - a stored value that cannot be an edit (over `MAX_EDIT_CHARS`, or holding NUL characters) is not
 *   shown, is never overwritten without a copy under `<key>.backup`, and is reported;
 * - read before write: a stored edit the page did not show (another tab, or storage that could not
 *   be read at first) is copied to `<key>.backup` before it is replaced.
 *
 * Cell ids come from the page, never from storage, so stored keys cannot name anything else.
 */
import { backup, clip, readText, removeKey, writeText, type StorageGetter } from '~/util/storage';

export const EDITS_PREFIX = 'feedforward:notebook:';
/** Longest edit kept (a cell is a few dozen lines; a whole tutorial is under 20 000 characters). */
export const MAX_EDIT_CHARS = 100_000;

export function editKey(slug: string, cell: string): string {
  return `${EDITS_PREFIX}${slug}:${cell}`;
}

/** Why a stored value cannot be an edit, or undefined when it can. */
export function unusableEdit(text: string): string | undefined {
  if (text.length > MAX_EDIT_CHARS) return `it is too long to be an edit (${text.length} characters)`;
  if (text.includes('\u0000')) return 'it holds characters code cannot contain';
  return undefined;
}

export class EditsStore {
  /** What the page last read or wrote per cell (`null`: nothing stored); absent: never read. */
  private known = new Map<string, string | null>();
  private faulted = false;

  constructor(
    readonly slug: string,
    private readonly storage: StorageGetter,
    private readonly onProblem: (message: string) => void,
  ) {}

  private fault(reason: string, full: boolean): void {
    if (this.faulted) return;
    this.faulted = true;
    this.onProblem(
      `Your edits cannot be kept in this browser (${full ? 'its storage is full' : 'storage is blocked'}: ${reason}). They stay while this page is open; use “Download .ts” to keep them.`,
    );
  }

  /** The stored edit of a cell, or null (none, unreadable or unusable — each reported). */
  read(cell: string, title = cell): string | null {
    const key = editKey(this.slug, cell);
    const r = readText(this.storage, key);
    if (!r.ok) {
      this.fault(r.reason, r.fault === 'full');
      return null;
    }
    this.known.set(cell, r.value);
    if (r.value === null) return null;
    const why = unusableEdit(r.value);
    if (why) {
      const b = backup(this.storage, key, true);
      this.onProblem(
        `The saved edit of cell “${clip(title)}” could not be used (${why}); the cell shows its original code, and the saved value is kept as it was${b.ok ? `, with a copy under “${key}.backup”` : ''}.`,
      );
      return null;
    }
    return r.value;
  }

  /** Keep a cell's code (its original: remove the edit). Reads first; backs up what it did not show. */
  write(cell: string, code: string, original: string): void {
    const key = editKey(this.slug, cell);
    const r = readText(this.storage, key);
    if (!r.ok) return this.fault(r.reason, r.fault === 'full');
    const seen = this.known.has(cell) ? this.known.get(cell) : null;
    if (r.value !== null && r.value !== seen && r.value !== code) {
      const b = backup(this.storage, key);
      if (!b.ok) return this.fault(b.reason, b.fault === 'full');
    }
    const w = code === original ? removeKey(this.storage, key) : writeText(this.storage, key, code);
    if (!w.ok) return this.fault(w.reason, w.fault === 'full');
    this.known.set(cell, code === original ? null : code);
  }
}
