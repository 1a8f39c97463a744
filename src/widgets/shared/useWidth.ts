import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The width of an element in CSS pixels, kept up to date (ResizeObserver), so that a chart can be
 * drawn at the size it is shown: its text then stays readable on a phone instead of being scaled
 * down. Until the element is measured (and on the server) it is `fallback`; changes under 2 px
 * are ignored so a chart does not redraw for sub-pixel jitter.
 */
export function useWidth<T extends HTMLElement = HTMLDivElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth((old) => (Math.abs(old - w) >= 2 ? w : old));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
