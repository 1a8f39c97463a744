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
  try {
    await Promise.all([load('link', `${bundle}pagefind-ui.css`), load('script', `${bundle}pagefind-ui.js`)]);
  } catch {
    // No index (the development server, or a build without Pagefind): say so instead of failing.
    document.getElementById('search-unavailable')?.removeAttribute('hidden');
    return;
  }
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
  labelInput(host);
  const query = new URLSearchParams(window.location.search).get('q')?.trim();
  if (query) ui.triggerSearch(query);
}

/** Pagefind's box has only a placeholder; give it a visible label, as every field on the site has. */
function labelInput(host: HTMLElement): void {
  const input = host.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
  if (!input || input.id) return;
  input.id = 'pagefind-search-input';
  const label = document.createElement('label');
  label.htmlFor = input.id;
  label.className = 'search-page__label';
  label.textContent = 'Search the lecture text, its questions and the glossary';
  host.before(label);
}
