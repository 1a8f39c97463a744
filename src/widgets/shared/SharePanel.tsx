/**
 * "Share or embed" under every widget (part of `WidgetFrame`): a link to the widget exactly as it
 * is now, an iframe snippet for a course platform (Moodle, Canvas, …) pointing at
 * `/embed/<name>/`, and, for a class, a choice per control: free, locked (shown, fixed at its
 * current value, marked "set by your instructor") or hidden. Both the link and the snippet carry
 * the choice (`&lock=<name>.<field>&hide=…`, see `url-state.ts`).
 *
 * Every widget has the panel and few readers open it, so what it shows (`ShareBody.tsx`) is
 * loaded when the reader first opens it, fetched as soon as the pointer or focus reaches it.
 */
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { FieldAccess, Schema } from './url-state';
import { useLazyModule } from './useLazyModule';

export interface SharePanelProps {
  name: string;
  title: string;
  schema: Schema;
  /** The widget's current state, URL-encoded. */
  encoded: string;
  /** What the page's own link locks and hides (the panel starts from it). */
  access: FieldAccess;
  root: RefObject<HTMLElement>;
}

export function SharePanel(props: SharePanelProps) {
  const [open, setOpen] = useState(false);
  const body = useLazyModule(() => import('./ShareBody'));
  const ShareBody = body.loaded?.ShareBody;
  return (
    <details
      class="widget__share"
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen) body.prefetch();
      }}
    >
      <summary onPointerEnter={body.prefetch} onFocus={body.prefetch}>
        Share or embed
      </summary>
      {open &&
        (ShareBody ? (
          <ShareBody {...props} />
        ) : (
          <p class="share__status" role="status" aria-live="polite">
            {body.failed
              ? 'The share panel could not be loaded: check the connection, then close and open it again.'
              : 'Loading…'}
          </p>
        ))}
    </details>
  );
}
