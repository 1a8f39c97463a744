import { useRef, useState } from 'preact/hooks';

/**
 * A part of a widget that few readers use (the share panel, the playground's file I/O), loaded by
 * `import()` the first time it is wanted instead of with the page. `load()` starts the import
 * once and resolves with the module; `prefetch()` starts it without waiting (call it when the
 * pointer or focus comes near the control); a failed import (offline, a deploy that replaced the
 * chunk) is forgotten, so the next use tries again, and `failed` says so until then.
 */
export function useLazyModule<M>(importer: () => Promise<M>) {
  const pending = useRef<Promise<M> | undefined>(undefined);
  const [loaded, setLoaded] = useState<M | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const load = (): Promise<M> => {
    if (pending.current) return pending.current;
    setFailed(false);
    return (pending.current = importer().then(
      (module) => {
        setLoaded(() => module);
        return module;
      },
      (error: unknown) => {
        pending.current = undefined;
        setFailed(true);
        throw error;
      },
    ));
  };
  const prefetch = () => void load().catch(() => undefined);
  return { loaded, failed, load, prefetch };
}
