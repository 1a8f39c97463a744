import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The width of a box, kept up to date as the page resizes. Charts are drawn at the width they
 * really get, so their text keeps its size on a phone instead of being scaled down.
 * Returns a ref for the box and its width in CSS pixels (`fallback` until measured).
 */
export function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(Math.round(el.clientWidth) || fallback));
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width] as const;
}
