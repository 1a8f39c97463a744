import { createContext, type ComponentChildren } from 'preact';
import { useContext, useId } from 'preact/hooks';

/**
 * The name of the widget a control sits in. Preact's `useId` restarts in every Astro island, so
 * two widgets on one page would mint the same ids; prefixing the widget's name keeps them unique.
 */
const WidgetName = createContext('widget');

/** An id unique on the page: the enclosing widget's name plus Preact's per-island id. */
export function useWidgetId(): string {
  return `${useContext(WidgetName)}${useId()}`;
}

/**
 * The frame every widget sits in: the root carries `data-widget="<name>"` (tests, embeds and
 * links find widgets by it) and an `id` anchor; a title, the controls, the output, a reset
 * button, a notice for unusable link settings and a polite live region for key results.
 */
export interface WidgetFrameProps {
  name: string;
  title: string;
  /** Short text under the title: what to try. */
  intro?: ComponentChildren;
  notice?: string;
  onDismissNotice?: () => void;
  onReset: () => void;
  /** Key result to announce to screen readers when it changes (keep it short). */
  announce?: string;
  /** Level of the widget's title: 3 inside a lecture section, 2 when the widget stands alone (embeds). */
  headingLevel?: WidgetHeadingLevel;
  children: ComponentChildren;
}

export type WidgetHeadingLevel = 2 | 3 | 4;

/** Props every widget component accepts from the page that places it. */
export interface WidgetProps {
  headingLevel?: WidgetHeadingLevel;
}

export function WidgetFrame({ name, title, intro, notice, onDismissNotice, onReset, announce, headingLevel = 3, children }: WidgetFrameProps) {
  const titleId = `widget-${name}-title`;
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <section class="widget" data-widget={name} id={`widget-${name}`} aria-labelledby={titleId}>
      <header class="widget__header">
        <Heading class="widget__title" id={titleId}>
          {title}
        </Heading>
        <button type="button" class="widget__reset" onClick={onReset}>
          Reset to defaults
        </button>
      </header>
      {intro && <div class="widget__intro">{intro}</div>}
      {notice && (
        <div class="widget__notice" role="alert">
          <p>{notice}</p>
          {onDismissNotice && (
            <button type="button" onClick={onDismissNotice}>
              Dismiss
            </button>
          )}
        </div>
      )}
      <WidgetName.Provider value={name}>
        <div class="widget__body">{children}</div>
      </WidgetName.Provider>
      <p class="visually-hidden" aria-live="polite" data-widget-announce>
        {announce}
      </p>
    </section>
  );
}
