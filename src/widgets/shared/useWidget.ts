import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  defaultsOf,
  readAccess,
  readState,
  NO_ACCESS_LIMITS,
  type FieldAccess,
  type Schema,
  type StateOf,
} from './url-state';
import { controlsFor } from './controls';

/**
 * A widget's own state, typed by its schema. It starts from the defaults (that is what the
 * server renders), then, once the widget is alive in the page, takes any setting in the URL
 * (`?<name>=…`). Problems in that setting become a visible notice; the widget still works.
 *
 * A link may also lock or hide controls (`&lock=<name>.<field>`, `&hide=…`, see `readAccess`):
 * those fields keep the link's value whatever the widget asks for — `update` drops them from
 * every patch (slider, drag, keyboard, a training step alike) and `reset` returns them to the
 * link's value, not the default.
 */
function useWidgetState<S extends Schema>(name: string, schema: S) {
  const [state, setState] = useState<StateOf<S>>(() => defaultsOf(schema));
  const [notice, setNotice] = useState('');
  const [access, setAccess] = useState<FieldAccess>(NO_ACCESS_LIMITS);
  // The link's state (for reset of fixed fields) and the fixed fields, readable from callbacks.
  const fixed = useRef<{ keys: Set<string>; values: Partial<StateOf<S>> }>({ keys: new Set(), values: {} });

  useEffect(() => {
    const { state: fromUrl, problems } = readState(name, schema, window.location.search);
    const limits = readAccess(name, schema, window.location.search);
    const keys = new Set([...limits.locked, ...limits.hidden]);
    const values: Partial<StateOf<S>> = {};
    for (const k of keys) (values as Record<string, unknown>)[k] = (fromUrl as Record<string, unknown>)[k];
    fixed.current = { keys, values };
    setState(fromUrl);
    setAccess(limits);
    const parts: string[] = [];
    if (problems.length)
      parts.push(
        `The link's settings for this widget could not all be used (${problems.join('; ')}). The rest are at their defaults.`,
      );
    if (limits.problems.length)
      parts.push(`Some controls the link names could not be fixed (${limits.problems.join('; ')}); they stay free.`);
    if (parts.length) setNotice(parts.join(' '));
    // Name and schema are module constants: the link is read once, when the widget comes alive.
  }, [name, schema]);

  const update = useCallback((patch: Partial<StateOf<S>>) => {
    const { keys } = fixed.current;
    let allowed = patch;
    if (keys.size) {
      allowed = {};
      for (const [k, v] of Object.entries(patch)) if (!keys.has(k)) (allowed as Record<string, unknown>)[k] = v;
    }
    setState((s) => ({ ...s, ...allowed }));
  }, []);
  const reset = useCallback(() => {
    setState({ ...defaultsOf(schema), ...fixed.current.values });
    setNotice('');
  }, [schema]);

  const dismissNotice = useCallback(() => setNotice(''), []);
  return { state, update, reset, notice, dismissNotice, access } as const;
}

/**
 * Everything a widget's view needs from its name and schema, named once:
 *
 * ```tsx
 * const { state, update, frame, Slider, Select } = useWidget('perceptron', perceptronSchema);
 * <WidgetFrame {...frame} title="…" report={…}>
 *   <Slider field="w1" label="Weight w₁" />
 *   <Select field="act" label="Activation" options={[…]} />
 * </WidgetFrame>
 * ```
 *
 * - `state`, `update`, `reset`, `notice`, `dismissNotice`, `access`: the widget's state (see
 *   `useWidgetState` above: defaults, then the link's setting; locked fields ignore changes).
 * - `frame`: the props `WidgetFrame` needs from the state (name, schema, state, update, notice,
 *   onDismissNotice, onReset). A widget that must clear more on reset (a training run, a hint)
 *   overrides `onReset` after the spread and calls `reset()` in it.
 * - `Slider`, `Select`, `Toggle`: the shared controls typed by this schema, bound to a field —
 *   `field` must be a key of the schema of the right kind (a number or number-list field for
 *   `Slider`, a choice or number field for `Select`, a boolean field for `Toggle`), so a typo is a
 *   type error; bounds, step and value come from the schema and state, and a change is written with
 *   `update` (see `controls/`).
 */
export function useWidget<S extends Schema>(name: string, schema: S) {
  const w = useWidgetState(name, schema);
  const frame = {
    name,
    schema,
    state: w.state,
    update: w.update,
    notice: w.notice,
    onDismissNotice: w.dismissNotice,
    onReset: w.reset,
  };
  return { ...w, frame, ...controlsFor<S>() } as const;
}
