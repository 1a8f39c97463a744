/**
 * Scroll-spy for the table of contents: the current section is the last heading whose top has
 * passed a line near the top of the viewport (at the bottom of the page: the last one on screen). Runs in the browser only.
 */
export function trackReadingPosition(nav: HTMLElement): void {
  const links = Array.from(nav.querySelectorAll<HTMLAnchorElement>('a[data-toc-link]'));
  const headings = links
    .map((link) => document.getElementById(link.dataset.tocLink ?? ''))
    .filter((h): h is HTMLElement => h !== null);
  if (headings.length === 0) return;

  let scheduled = false;
  const update = () => {
    scheduled = false;
    // At the very bottom of the page the last headings can never reach the line; there the
    // current one is the last heading that is on screen.
    const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    const line = atBottom ? window.innerHeight : window.innerHeight * 0.25;
    let current = headings[0]!;
    for (const h of headings) {
      if (h.getBoundingClientRect().top <= line) current = h;
      else break;
    }
    for (const link of links) {
      if (link.dataset.tocLink === current.id) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(update);
    }
  };
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);
  window.addEventListener('hashchange', schedule);
  // Widgets coming alive change the page's height without a scroll event.
  if ('ResizeObserver' in window) new ResizeObserver(schedule).observe(document.body);
  // In the next frame rather than now: reading positions now would force a layout of the whole
  // (long) page while it is still loading.
  schedule();
}

/**
 * On phones the contents are folded so the text comes first; on wide screens they are open. The
 * server sends them folded and CSS shows them open on wide screens until this runs, so nothing
 * moves when it does: it only makes the element's state (what a screen reader announces) match
 * what is shown, and hands the fold to the reader (`data-ready`).
 */
export function collapseOnNarrowScreens(nav: HTMLElement): void {
  const details = nav.querySelector('details');
  if (!details) return;
  const wide = window.matchMedia('(min-width: 72rem)');
  const apply = () => {
    details.open = wide.matches;
  };
  apply();
  details.dataset.ready = '';
  wide.addEventListener('change', apply);
}
