import { useRef } from 'preact/hooks';

/**
 * Versions for `parts` slow parts of the view (charts, drawing): while `live`, each takes the
 * newest `version` at most every `ms`, and at most one part per render, so the expensive
 * redraws fall in different frames; otherwise all are the newest. `due()` says whether the next
 * render will redraw a part, so that frame can train less.
 */
export function useStaggered(version: number, live: boolean, ms: number, parts: number) {
  const last = useRef<{ versions: number[]; times: number[] }>();
  const l = (last.current ??= {
    versions: Array<number>(parts).fill(version),
    times: Array<number>(parts).fill(-Infinity),
  });
  const now = typeof performance !== 'undefined' ? performance.now() : 0;
  if (!live) {
    l.versions.fill(version);
    l.times.fill(now);
  } else {
    let k = -1;
    for (let i = 0; i < parts; i++) if (now - l.times[i]! >= ms && (k < 0 || l.times[i]! < l.times[k]!)) k = i;
    if (k >= 0) {
      l.versions[k] = version;
      l.times[k] = now;
    }
  }
  return { versions: l.versions.slice(), due: () => l.times.some((t) => performance.now() - t >= ms) };
}
