/**
 * URLs of lectures and their parts. These are public and stable: share links, embeds and
 * exercises point at them, so a part keeps its slug even if its file is renumbered.
 */

/** `03-activation-functions.mdx` → `activation-functions` (the order prefix is not part of the URL). */
export function partSlug(fileName: string): string {
  return fileName.replace(/\.mdx?$/, '').replace(/^\d+-/, '');
}

/** Join the site's base (`/` or `/sub/path/`) with a root-relative path, keeping exactly one slash between. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** Path (without base) of a lecture's opening page. */
export function lecturePath(lectureId: string): string {
  return `lectures/${lectureId}/`;
}

/** Path (without base) of one part of a lecture; `partId` is `lecture/slug`. */
export function partPath(partId: string): string {
  return `lectures/${partId}/`;
}

/** Check that a lecture's parts are numbered 1..n without gaps or repeats; throws a message naming the files. */
export function checkPartOrder(lectureId: string, orders: { id: string; order: number }[]): void {
  const sorted = [...orders].sort((a, b) => a.order - b.order);
  sorted.forEach((p, i) => {
    if (p.order !== i + 1) {
      const names = sorted.map((q) => `${q.id} (order ${q.order})`).join(', ');
      throw new Error(
        `Lecture "${lectureId}": parts must be numbered 1..${sorted.length} without gaps or repeats; found ${names}.`,
      );
    }
  });
}
