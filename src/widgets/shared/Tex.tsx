import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { liveTex, patchTex, texHash, type Typeset } from './tex-slots';

/**
 * A live equation: KaTeX source with the reader's current numbers filled in.
 *
 * An equation's *shape* (its source with every number taken out, see `liveTex`) is typeset once —
 * in the island's server render, or on the client when a new shape first appears — and on each
 * input only the numbers are written into the typeset markup. KaTeX is therefore not part of the
 * page's scripts: the client loads it (dynamic import) only when an equation's shape changes, e.g.
 * a sign flips or an activation is switched, and keeps every shape it typeset.
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const live = useMemo(() => liveTex(tex, display), [tex, display]);
  const key = live.key;
  const host = useRef<HTMLSpanElement>(null);
  // What the element shows: the server's markup at first (left alone by hydration), then the
  // markup of the last shape typeset here.
  const shown = useRef<{ key: string; html: string }>({ key, html: '' });
  const [, setLoaded] = useState(0);

  let html: string;
  let ready = true;
  if (import.meta.env.SSR && serverTypeset) html = remember(key, serverTypeset(live));
  else if (shapes.has(key)) html = shapes.get(key)!;
  else if (shown.current.key === key) html = shown.current.html;
  else if (typeset) html = remember(key, typeset(live));
  else {
    html = shown.current.html; // the previous shape until KaTeX has loaded (a few ms)
    ready = false;
  }
  if (ready) shown.current = { key, html };

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    if (ready && el.dataset.shape === texHash(key) && patchTex(el, live)) return;
    // A shape this page has not typeset yet, or markup whose numbers cannot be written in place:
    // typeset it (loading KaTeX first if need be) and draw again.
    shapes.delete(key);
    shown.current = { key: '', html: shown.current.html };
    void loadKatex().then(() => setLoaded((n) => n + 1));
  });

  return (
    <span
      ref={host}
      class={display ? 'tex tex--display' : 'tex'}
      data-shape={ready ? texHash(key) : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** Typeset shapes of this page, by shape key (bounded: a long session must not grow it forever). */
const shapes = new Map<string, string>();
function remember(key: string, html: string): string {
  if (shapes.size > 300) shapes.delete(shapes.keys().next().value!);
  shapes.set(key, html);
  return html;
}

let typeset: Typeset | undefined;
let loading: Promise<void> | undefined;
function loadKatex(): Promise<void> {
  loading ??= import('./tex-typeset').then((m) => {
    typeset = m.typesetShape;
  });
  return loading;
}

// The island's server render typesets with KaTeX directly; the client bundle leaves it out.
const serverTypeset: Typeset | undefined = import.meta.env.SSR
  ? (await import('./tex-typeset')).typesetShape
  : undefined;
