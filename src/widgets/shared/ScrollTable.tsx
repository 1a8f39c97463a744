import type { ComponentChildren } from 'preact';

/**
 * A table that scrolls sideways inside its own focusable, labelled region instead of being cut
 * or widening the page, with the site's cue (edge shadows and a "scroll →" hint, shown only while
 * it overflows; global.css). The same markup as MDX tables get from src/build/rehype-table-scroll.mjs.
 */
export function ScrollTable({
  label,
  class: className,
  children,
}: {
  /** Names the region for screen readers (e.g. what the table shows). */
  label: string;
  /** Extra classes for the scrolling box. */
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="table-frame">
      <div
        class={className ? `table-scroll ${className}` : 'table-scroll'}
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        {children}
      </div>
    </div>
  );
}
