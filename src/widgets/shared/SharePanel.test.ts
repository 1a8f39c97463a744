// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { h, render, type RefObject } from 'preact';
import { act } from 'preact/test-utils';
import { useLazyModule } from './useLazyModule';
import { SharePanel } from './SharePanel';
import { NO_ACCESS_LIMITS } from './url-state';

/** An import the test resolves or rejects when it says so, counting how often it was started. */
function controlledImport<M>() {
  const calls: { resolve: (m: M) => void; reject: (e: Error) => void }[] = [];
  const importer = () => new Promise<M>((resolve, reject) => calls.push({ resolve, reject }));
  return { importer, calls };
}

function mountHook<M>(importer: () => Promise<M>) {
  const seen: { current?: ReturnType<typeof useLazyModule<M>> } = {};
  function Probe() {
    seen.current = useLazyModule(importer);
    return null;
  }
  const host = document.createElement('div');
  act(() => render(h(Probe, null), host));
  return seen as { current: ReturnType<typeof useLazyModule<M>> };
}

describe('useLazyModule', () => {
  it('imports once however often it is asked, and hands out the module when it arrives', async () => {
    const { importer, calls } = controlledImport<{ x: number }>();
    const hook = mountHook(importer);
    hook.current.prefetch();
    const first = hook.current.load();
    hook.current.prefetch();
    expect(calls).toHaveLength(1);
    expect(hook.current.loaded).toBeUndefined();
    await act(async () => calls[0]!.resolve({ x: 7 }));
    await expect(first).resolves.toEqual({ x: 7 });
    expect(hook.current.loaded).toEqual({ x: 7 });
    await hook.current.load();
    expect(calls).toHaveLength(1);
  });

  it('says a failed import failed, and the next use tries again', async () => {
    const { importer, calls } = controlledImport<{ x: number }>();
    const hook = mountHook(importer);
    const first = hook.current.load();
    await act(async () => {
      calls[0]!.reject(new Error('offline'));
      await first.catch(() => undefined);
    });
    expect(hook.current.failed).toBe(true);
    expect(hook.current.loaded).toBeUndefined();
    await act(async () => hook.current.prefetch());
    expect(calls).toHaveLength(2);
    expect(hook.current.failed).toBe(false);
    await act(async () => calls[1]!.resolve({ x: 1 }));
    expect(hook.current.loaded).toEqual({ x: 1 });
  });
});

describe('SharePanel', () => {
  it('loads its body when first opened and then shows the link to the widget', async () => {
    const root = document.createElement('section');
    root.innerHTML = '<div data-field="lr"><span class="control__label">Learning rate</span></div>';
    document.body.append(root);
    const host = document.createElement('div');
    root.append(host);
    act(() =>
      render(
        h(SharePanel, {
          name: 'learning-rate',
          title: 'Learning rate',
          schema: { lr: { kind: 'number', default: 0.25, min: 0.01, max: 1.5, step: 0.01 } },
          encoded: 'lr:0.5',
          access: NO_ACCESS_LIMITS,
          root: { current: root } as RefObject<HTMLElement>,
        }),
        host,
      ),
    );
    const details = host.querySelector('details')!;
    expect(host.querySelector('[data-share-link]')).toBeNull();
    details.open = true;
    await act(async () => {
      details.dispatchEvent(new Event('toggle'));
    });
    await expect
      .poll(() => host.querySelector<HTMLInputElement>('[data-share-link]')?.value)
      .toContain('?learning-rate=lr:0.5#widget-learning-rate');
    expect(host.querySelector('[data-share-field="lr"]')?.closest('li')?.textContent).toContain('Learning rate');
    root.remove();
  });
});
