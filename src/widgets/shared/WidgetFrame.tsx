import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { encodeState, readAccess, NO_ACCESS_LIMITS, type FieldAccess, type Schema, type StateOf } from './url-state';
import { SharePanel } from './SharePanel';
import './share.css';

/**
 * The name of the widget a control sits in. Preact's `useId` restarts in every Astro island, so
 * two widgets on one page would mint the same ids; prefixing the widget's name keeps them unique.
 */
const WidgetName = createContext('widget');

/** An id unique on the page: the enclosing widget's name plus Preact's per-island id. */
export function useWidgetId(): string {
  return `${useContext(WidgetName)}${useId()}`;
}

/** Which of the enclosing widget's controls a share link locks or hides (see `readAccess`). */
const FieldAccessContext = createContext<FieldAccess>(NO_ACCESS_LIMITS);

/**
 * Whether a link lets the reader use the control bound to `field`: `'free'`, `'locked'` (show it
 * disabled, marked "set by your instructor") or `'hidden'` (do not render it). The shared controls
 * call this; a widget with a control of its own should too.
 */
export function useFieldAccess(field: string | undefined): 'free' | 'locked' | 'hidden' {
  const access = useContext(FieldAccessContext);
  if (!field) return 'free';
  if (access.hidden.has(field)) return 'hidden';
  return access.locked.has(field) ? 'locked' : 'free';
}

/**
 * The widget's schema, state and setter, for the controls bound to a field (`<Slider field="lr" …/>`
 * from `useWidget`): they take their bounds, step or options from the schema, read their value from
 * the state and write through `update`.
 */
export interface WidgetBinding {
  schema: Schema;
  state: Record<string, unknown>;
  update: (patch: Record<string, unknown>) => void;
}
const WidgetBindingContext = createContext<WidgetBinding | undefined>(undefined);

/** The enclosing widget's schema, state and setter (undefined outside a `WidgetFrame`). */
export function useWidgetBinding(): WidgetBinding | undefined {
  return useContext(WidgetBindingContext);
}

/**
 * The frame every widget sits in: the root carries `data-widget="<name>"` (tests, embeds and
 * links find widgets by it) and an `id` anchor; a title, the controls, the output, a reset
 * button, a notice for unusable link settings, a polite live region for key results, and a
 * "Share or embed" panel: copy a link to the current set-up, copy an iframe snippet, and choose
 * controls to lock or hide for a class.
 *
 * A view does not fill in `name`, `schema`, `state`, `update`, `notice`, `onDismissNotice` and
 * `onReset` by hand: `useWidget(name, schema)` returns them as `frame`, spread into the frame
 * (`<WidgetFrame {...frame} title=… >`).
 */
export interface WidgetFrameProps<S extends Schema = Schema> {
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
  headingLevel?: WidgetHeadingLevel | undefined;
  /** The widget's schema and current state: published as `data-state` (the URL encoding). */
  schema: S;
  state: StateOf<S>;
  /** Sets state fields (what the controls bound to a field write through). */
  update: (patch: Partial<StateOf<S>>) => void;
  /**
   * Derived facts about the current state that exercises check (e.g. `{ correct: 20, total: 20 }`,
   * `{ loss: 0.03, diverged: false }`): plain numbers, strings and booleans, published as
   * `data-report` (JSON) and in a `widget-change` event.
   */
  report?: WidgetReport;
  children?: ComponentChildren;
}

/** Facts a widget reports about its current state (see `WidgetFrameProps.report`). */
export type WidgetReport = Record<string, number | string | boolean | null>;

/**
 * What a widget publishes on every change, as the `detail` of a bubbling `widget-change` event
 * dispatched on its root (`[data-widget]`). Exercises, share links and tests listen for it; the
 * same values sit on the root as `data-state` and `data-report` for readers that arrive late.
 */
export interface WidgetChange {
  name: string;
  /** The state as its URL encoding (`w1:0.5,act:sigmoid`; empty = all defaults). */
  state: string;
  report: WidgetReport;
}

export const WIDGET_CHANGE_EVENT = 'widget-change';

/** Read a widget's published state and report from its root element (for late listeners). */
export function readWidgetChange(root: Element): WidgetChange | undefined {
  const name = root.getAttribute('data-widget');
  if (!name) return undefined;
  let report: WidgetReport = {};
  try {
    const parsed: unknown = JSON.parse(root.getAttribute('data-report') ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) report = parsed as WidgetReport;
  } catch {
    // A report is written by the widget itself; if it is unreadable, treat it as empty.
  }
  return { name, state: root.getAttribute('data-state') ?? '', report };
}

export type WidgetHeadingLevel = 2 | 3 | 4;

/** Props every widget component accepts from the page that places it. */
export interface WidgetProps {
  headingLevel?: WidgetHeadingLevel | undefined;
}

export function WidgetFrame<S extends Schema>({
  name,
  title,
  intro,
  notice,
  onDismissNotice,
  onReset,
  announce,
  headingLevel = 3,
  schema,
  state,
  update,
  report,
  children,
}: WidgetFrameProps<S>) {
  const titleId = `widget-${name}-title`;
  const Heading = `h${headingLevel}` as 'h3';
  const root = useRef<HTMLElement>(null);
  const encoded = encodeState(schema, state);
  // Controls a share link locks or hides: read once the widget is alive (the server renders all free).
  const [access, setAccess] = useState<FieldAccess>(NO_ACCESS_LIMITS);
  useEffect(() => {
    setAccess(readAccess(name, schema, window.location.search));
  }, [name, schema]);
  const binding = useMemo<WidgetBinding>(
    () => ({ schema, state, update: update as WidgetBinding['update'] }),
    [schema, state, update],
  );
  const reportJson = JSON.stringify(report ?? {});
  useEffect(() => {
    const detail: WidgetChange = { name, state: encoded, report: JSON.parse(reportJson) as WidgetReport };
    root.current?.dispatchEvent(new CustomEvent<WidgetChange>(WIDGET_CHANGE_EVENT, { bubbles: true, detail }));
  }, [name, encoded, reportJson]);
  return (
    <section
      ref={root}
      class="widget"
      data-widget={name}
      id={`widget-${name}`}
      aria-labelledby={titleId}
      data-state={encoded}
      data-report={reportJson}
      data-fixed={access.locked.size + access.hidden.size > 0 ? '' : undefined}
    >
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
        <FieldAccessContext.Provider value={access}>
          <WidgetBindingContext.Provider value={binding}>
            <div class="widget__body">{children}</div>
          </WidgetBindingContext.Provider>
        </FieldAccessContext.Provider>
      </WidgetName.Provider>
      {schema && <SharePanel name={name} title={title} schema={schema} encoded={encoded} access={access} root={root} />}
      <p class="visually-hidden" aria-live="polite" data-widget-announce>
        {announce}
      </p>
    </section>
  );
}
