import { useEffect, useState } from 'preact/hooks';

/**
 * Most chart colours are CSS variables and follow the theme by themselves. Canvas-drawn marks
 * (Plot's raster, used for shaded regions) need real colours, read from the variables here;
 * `useThemeColors` re-reads them when the reader switches light/dark.
 */
export type ColorName = 'blue' | 'orange' | 'green' | 'red' | 'purple' | 'ink' | 'muted' | 'grid';
export type ThemeColors = Record<ColorName | 'bg', string>;

const names: ColorName[] = ['blue', 'orange', 'green', 'red', 'purple', 'ink', 'muted', 'grid'];

export function readThemeColors(root: Element = document.documentElement): ThemeColors {
  const style = getComputedStyle(root);
  const read = (v: string, fallback: string) => style.getPropertyValue(v).trim() || fallback;
  const out = { bg: read('--bg', '#ffffff') } as ThemeColors;
  for (const n of names) out[n] = read(`--c-${n}`, '#888888');
  return out;
}

export function useThemeColors(): ThemeColors | undefined {
  const [colors, setColors] = useState<ThemeColors>();
  useEffect(() => {
    setColors(readThemeColors());
    const observer = new MutationObserver(() => setColors(readThemeColors()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return colors;
}

/** Whether the reader asked for less motion: animations then jump to their end. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
