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
export function useWidgetState<S extends Schema>(name: string, schema: S) {
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

  return { state, update, reset, notice, dismissNotice: () => setNotice(''), access } as const;
}
