/**
 * The search page: Pagefind's own UI, loaded from the site (never from another host), honouring
 * the base path. The query in `?q=` (from the header's search box) runs at once.
 */
interface PagefindUIOptions {
  element: string;
  baseUrl: string;
  bundlePath: string;
  showImages: boolean;
  resetStyles: boolean;
  showSubResults: boolean;
  autofocus: boolean;
}
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

function load(tag: 'script' | 'link', url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = document.createElement(tag);
    if (el instanceof HTMLScriptElement) el.src = url;
    else if (el instanceof HTMLLinkElement) {
      el.rel = 'stylesheet';
      el.href = url;
    }
    el.addEventListener('load', () => resolve());
    el.addEventListener('error', () => reject(new Error(`could not load ${url}`)));
    document.head.append(el);
  });
}

export async function startSearch(): Promise<void> {
  const host = document.getElementById('search');
  if (!host) return;
  const base = host.dataset.base ?? '/';
  const bundle = host.dataset.bundle ?? '/pagefind/';
  // Ask first whether the index exists, so a missing index is a notice, not a console error.
  const available = await fetch(`${bundle}pagefind-ui.js`, { method: 'HEAD' }).then((r) => r.ok, () => false);
  if (!available) {
    document.getElementById('search-unavailable')?.removeAttribute('hidden');
    return;
  }
  await Promise.all([load('link', `${bundle}pagefind-ui.css`), load('script', `${bundle}pagefind-ui.js`)]);
  if (!window.PagefindUI) return;
  const ui = new window.PagefindUI({
    element: '#search',
    baseUrl: base,
    bundlePath: bundle,
    showImages: false,
    resetStyles: false,
    showSubResults: true,
    autofocus: true,
  });
  const query = new URLSearchParams(window.location.search).get('q')?.trim();
  if (query) ui.triggerSearch(query);
}
