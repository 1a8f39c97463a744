import { useCallback, useEffect, useState } from 'preact/hooks';
import { defaultsOf, readState, type Schema, type StateOf } from './url-state';

/**
 * A widget's own state, typed by its schema. It starts from the defaults (that is what the
 * server renders), then, once the widget is alive in the page, takes any setting in the URL
 * (`?<name>=…`). Problems in that setting become a visible notice; the widget still works.
 */
export function useWidgetState<S extends Schema>(name: string, schema: S) {
  const [state, setState] = useState<StateOf<S>>(() => defaultsOf(schema));
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const { state: fromUrl, problems } = readState(name, schema, window.location.search);
    setState(fromUrl);
    if (problems.length) {
      setNotice(`The link's settings for this widget could not all be used (${problems.join('; ')}). The rest are at their defaults.`);
    }
    // The schema is a module constant; reading the URL once on mount is the intent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);

  const update = useCallback((patch: Partial<StateOf<S>>) => setState((s) => ({ ...s, ...patch })), []);
  const reset = useCallback(() => {
    setState(defaultsOf(schema));
    setNotice('');
  }, [schema]);

  return { state, update, reset, notice, dismissNotice: () => setNotice('') } as const;
}
