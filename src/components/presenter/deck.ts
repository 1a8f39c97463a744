/**
 * Presenter mode in the browser (see `PresentLayout.astro`): cuts the part's content into slides
 * by marking its top-level elements (nothing is copied or moved, so widgets hydrate in place),
 * shows one slide at a time, and wires the keys, the overview grid, the notes panel, the address
 * (`#n`, `?notes`) and a presenter window kept in step over a BroadcastChannel (across the parts of
 * the lecture). ↓ Space PageDown / ↑ Shift+Space PageUp scroll a long slide by about a screen first
 * and change slide only at its bottom / top (arriving at the previous slide's bottom); → ← always
 * change slide; past either end of the part they go on to the next / previous part.
 */
import { prefersReducedMotion } from '~/widgets/shared/theme';
import { assignSlides, keyAction, scrollStep, slideFromHash, type Block } from './slides';
import { readText, removeKey, sessionStore, writeText } from '~/util/storage';

interface Slide {
  title: string;
  elements: HTMLElement[];
  notes: HTMLElement[];
}

const OFF = 'deck-off';
/** A block that belongs in the notes panel, never on the projected slide (see present.css). */
const OFF_FOR_GOOD = 'deck-note';
/** sessionStorage key: ↑ from a part's first slide asks the previous part to show its last slide's bottom. */
const ARRIVE = 'deck:arrive-bottom';

function q<T extends Element = HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`presenter: ${selector} is missing from the layout`);
  return el;
}

/** Form controls and buttons keep their own keys (a slider's arrows move the slider). */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest(
    'input, select, textarea, button, a[href], summary, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="spinbutton"]',
  );
}

/** The keys that mean a deck command whatever has focus among the deck's own buttons. */
const DECK_LETTER_KEYS = new Set(['overview', 'notes', 'window', 'help']);

/** A correction to the original slides (`<Aside kind="correction">`). */
function isCorrection(el: Element): boolean {
  return el.classList.contains('aside--correction');
}

/** A copy of a block for the notes panel, shown there even if the block is hidden on the slide. */
function noteCopy(el: HTMLElement): Node {
  const copy = el.cloneNode(true) as HTMLElement;
  copy.classList.remove(OFF_FOR_GOOD);
  return copy;
}

export function startDeck(): void {
  const content = q('[data-deck-content]');
  const stage = q('[data-deck-stage]');
  const root = document.documentElement;

  // 1. Cut into slides.
  const elements = [...content.children].filter((el): el is HTMLElement => el instanceof HTMLElement);
  const blocks: Block[] = elements.map((el) => ({
    title: el.hasAttribute('data-slide-title'),
    heading: el.tagName === 'H2',
    // A correction to the original slides is for the lecturer, not the room: it goes to the notes.
    notes: el.hasAttribute('data-speaker-notes') || isCorrection(el),
    invisible:
      ['SCRIPT', 'STYLE', 'LINK', 'TEMPLATE'].includes(el.tagName) ||
      (el.tagName !== 'ASTRO-ISLAND' &&
        el.textContent?.trim() === '' &&
        !el.querySelector('img, svg, canvas, figure, iframe, math, .katex')),
  }));
  const numbers = assignSlides(blocks);
  const slides: Slide[] = [];
  elements.forEach((el, i) => {
    const n = numbers[i]!;
    slides[n] ??= { title: '', elements: [], notes: [] };
    const slide = slides[n]!;
    if (blocks[i]!.notes) {
      slide.notes.push(el);
      if (isCorrection(el)) el.classList.add(OFF_FOR_GOOD);
    } else slide.elements.push(el);
    el.dataset.slide = String(n + 1);
    if (blocks[i]!.title) slide.title = el.getAttribute('data-slide-title') ?? '';
    if (blocks[i]!.heading) slide.title = (el.textContent ?? '').replace(/[#¶]\s*$/, '').trim();
  });
  for (let i = 0; i < slides.length; i++) slides[i] ??= { title: '', elements: [], notes: [] };
  slides.forEach((s, i) => {
    if (!s.title) s.title = i === 1 ? 'Opening' : `Slide ${i + 1}`;
  });
  const count = slides.length;

  // 2. The pieces of the layout.
  const counter = q('[data-deck-count]');
  const gotoBox = q('[data-deck-goto]');
  const progress = q('[data-deck-progress]');
  const announce = q('[data-deck-announce]');
  const notesBody = q('[data-deck-notes-body]');
  const notesWhere = q('[data-deck-notes-where]');
  const nextTitle = q('[data-deck-next]');
  const overview = q('[data-deck-overview]');
  const overviewList = q('[data-deck-overview-list]');
  const overviewToggle = q<HTMLButtonElement>('[data-deck-overview-toggle]');
  const notesToggle = q<HTMLButtonElement>('[data-deck-notes-toggle]');
  const help = q('#deck-help');
  const helpToggle = q<HTMLButtonElement>('[data-deck-help-toggle]');

  overviewList.replaceChildren(
    ...slides.map((s, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.goto = String(i);
      const num = document.createElement('span');
      num.className = 'deck__overview-num';
      num.textContent = String(i + 1);
      const name = document.createElement('span');
      name.textContent = s.title;
      const extra = document.createElement('span');
      extra.className = 'deck__overview-meta';
      const widgets = s.elements.filter((e) => e.tagName === 'ASTRO-ISLAND').length;
      extra.textContent = [widgets ? `${widgets} widget${widgets > 1 ? 's' : ''}` : '', s.notes.length ? 'notes' : '']
        .filter(Boolean)
        .join(' · ');
      b.append(num, name, extra);
      b.addEventListener('click', () => {
        go(i);
        setOverview(false);
      });
      li.append(b);
      return li;
    }),
  );

  // 3. State: current slide, and a presenter window kept in step.
  let current = -1;
  let digits = '';
  let digitsTimer = 0;
  // One channel per lecture (the parts' common folder), so a presenter window can change part too.
  const lectureDir = location.pathname.replace(/[^/]+\/?$/, '');
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(`deck:${lectureDir}`) : undefined;
  const prevPart = document.querySelector<HTMLAnchorElement>('.deck__foot a[rel="prev"]');
  const nextPart = document.querySelector<HTMLAnchorElement>('.deck__foot a[rel="next"]');
  const prevButton = q<HTMLButtonElement>('[data-deck-prev]');
  const nextButton = q<HTMLButtonElement>('[data-deck-next-button]');
  /** Where a smooth scroll started by a key is headed (a quick second press goes on from there). */
  let aim: number | undefined;
  let aimTimer = 0;

  /** Another part of the lecture, at slide `hash` (`1`, `last`); keeps `?notes`. */
  function gotoPart(link: HTMLAnchorElement, hash: string, bottom = false): void {
    const url = new URL(link.href);
    if (root.hasAttribute('data-notes')) url.searchParams.set('notes', '');
    url.hash = hash;
    // Storage blocked or full: the next part opens at the top of its last slide instead.
    if (bottom) writeText(sessionStore, ARRIVE, '1');
    location.href = url.toString().replace(/([?&])notes=(?=&|#|$)/, '$1notes');
  }

  /** One slide on (+1) or back (-1); past the part's ends, the next / previous part. */
  function step(dir: 1 | -1, arrive: 'top' | 'bottom' = 'top'): void {
    if (dir === 1 && current === count - 1) {
      if (nextPart) gotoPart(nextPart, '1');
    } else if (dir === -1 && current === 0) {
      if (prevPart) gotoPart(prevPart, 'last', arrive === 'bottom');
    } else go(current + dir, 'local', arrive);
  }

  /** ↓ / ↑: about a screen within the slide; at its bottom / top, the next / previous slide. */
  function scrollOrStep(dir: 'down' | 'up'): void {
    const from = aim ?? stage.scrollTop;
    const to = scrollStep(dir, from, stage.clientHeight, stage.scrollHeight);
    if (to === 'next') step(1);
    else if (to === 'prev') step(-1, 'bottom');
    else {
      const smooth = !prefersReducedMotion();
      aim = smooth ? to.top : undefined;
      window.clearTimeout(aimTimer);
      if (smooth) aimTimer = window.setTimeout(() => (aim = undefined), 800);
      stage.scrollTo({ top: to.top, behavior: smooth ? 'smooth' : 'auto' });
    }
  }
  stage.addEventListener('scrollend', () => {
    aim = undefined;
  });

  function writeAddress(): void {
    const url = new URL(location.href);
    url.hash = String(current + 1);
    if (root.hasAttribute('data-notes')) url.searchParams.set('notes', '');
    else url.searchParams.delete('notes');
    const text = url.toString().replace(/([?&])notes=(?=&|#|$)/, '$1notes');
    history.replaceState(null, '', text);
  }

  function go(index: number, from: 'local' | 'remote' = 'local', arrive: 'top' | 'bottom' = 'top'): void {
    const next = Math.min(Math.max(index, 0), count - 1);
    if (next === current) return;
    current = next;
    elements.forEach((el) => el.classList.toggle(OFF, el.dataset.slide !== String(current + 1)));
    const slide = slides[current]!;
    counter.textContent = `${current + 1} / ${count}`;
    progress.style.width = `${((current + 1) / count) * 100}%`;
    aim = undefined;
    stage.scrollTo({ top: arrive === 'bottom' ? stage.scrollHeight : 0, behavior: 'auto' });
    prevButton.disabled = current === 0 && !prevPart;
    nextButton.disabled = current === count - 1 && !nextPart;
    prevButton.textContent = current === 0 && prevPart ? '← Previous part' : '← Previous slide';
    nextButton.textContent = current === count - 1 && nextPart ? 'Next part →' : 'Next slide →';
    notesWhere.textContent = `for slide ${current + 1}`;
    notesBody.replaceChildren(
      ...(slide.notes.length
        ? slide.notes.flatMap((n) =>
            isCorrection(n) ? [noteCopy(n)] : [...n.childNodes].map((c) => c.cloneNode(true)),
          )
        : [
            Object.assign(document.createElement('p'), {
              className: 'deck__no-notes',
              textContent: 'No notes for this slide.',
            }),
          ]),
    );
    nextTitle.textContent =
      current + 1 < count
        ? `${current + 2}. ${slides[current + 1]!.title}`
        : nextPart
          ? `the next part, ${nextPart.dataset.title ?? ''}`.replace(/, $/, '')
          : 'the end of the lecture';
    overviewList
      .querySelectorAll('button')
      .forEach((b) => b.toggleAttribute('aria-current', b.dataset.goto === String(current)));
    announce.textContent = `Slide ${current + 1} of ${count}: ${slide.title}`;
    writeAddress();
    if (from === 'local') channel?.postMessage({ path: location.pathname, slide: current });
  }

  channel?.addEventListener('message', (e: MessageEvent<{ path?: unknown; slide?: unknown }>) => {
    const { path, slide } = e.data ?? {};
    if (typeof slide !== 'number' || !Number.isInteger(slide)) return;
    if (typeof path === 'string' && path !== location.pathname) {
      // The other window went to another part of this lecture: follow it there.
      if (!path.startsWith(lectureDir) || /[?#]/.test(path)) return;
      const url = new URL(location.href);
      url.pathname = path;
      url.hash = String(slide + 1);
      location.href = url.toString().replace(/([?&])notes=(?=&|#|$)/, '$1notes');
      return;
    }
    go(slide, 'remote');
  });

  function slideOfId(id: string): number | undefined {
    const target = document.getElementById(id);
    if (!target || !content.contains(target)) return undefined;
    const top = elements.find((el) => el.contains(target));
    return top ? Number(top.dataset.slide) - 1 : undefined;
  }

  /** Where the focus was when the overview opened: it goes back there when the overview closes. */
  let focusBeforeOverview: HTMLElement | null = null;
  function setOverview(open: boolean): void {
    if (open === !overview.hidden) return;
    if (open && document.activeElement instanceof HTMLElement && !overview.contains(document.activeElement))
      focusBeforeOverview = document.activeElement;
    overview.hidden = !open;
    overviewToggle.setAttribute('aria-expanded', String(open));
    root.toggleAttribute('data-overview', open);
    if (open) overviewList.querySelector<HTMLButtonElement>(`[data-goto="${current}"]`)?.focus();
    else {
      // Back where it was, unless that is gone or now hidden (a control of another slide).
      const back = focusBeforeOverview;
      focusBeforeOverview = null;
      if (back?.isConnected && back.offsetParent !== null && back !== document.body)
        back.focus({ preventScroll: true });
      else stage.focus({ preventScroll: true });
    }
  }

  function setNotes(open: boolean): void {
    root.toggleAttribute('data-notes', open);
    notesToggle.setAttribute('aria-pressed', String(open));
    writeAddress();
  }

  function setHelp(open: boolean): void {
    help.hidden = !open;
    helpToggle.setAttribute('aria-expanded', String(open));
  }

  function showDigits(): void {
    gotoBox.textContent = digits ? ` → ${digits}` : '';
  }

  function openPresenterWindow(): void {
    const url = new URL(location.href);
    url.searchParams.set('notes', '');
    url.hash = String(current + 1);
    window.open(url.toString().replace(/([?&])notes=(?=&|#|$)/, '$1notes'), 'deck-presenter', 'width=1100,height=720');
  }

  // 4. Keys.
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    const action = keyAction(e.key, { shift: e.shiftKey, ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });
    if (!action) return;
    const owned = ownsKeys(e.target);
    if (action.kind === 'escape') {
      // Esc first leaves a control (so the keys work again), then closes what is open, else opens the overview.
      if (owned && e.target instanceof HTMLElement && !overview.contains(e.target)) {
        e.target.blur();
        stage.focus({ preventScroll: true });
      } else if (!help.hidden) setHelp(false);
      else setOverview(overview.hidden);
      digits = '';
      showDigits();
      e.preventDefault();
      return;
    }
    // The deck's own buttons (toolbar, overview cards) keep Enter and Space, but not its letter keys.
    const deckButton = e.target instanceof Element && !content.contains(e.target) && !!e.target.closest('button');
    if (owned && !(DECK_LETTER_KEYS.has(action.kind) && deckButton)) return;
    switch (action.kind) {
      case 'next':
        step(1);
        break;
      case 'prev':
        step(-1);
        break;
      case 'down':
      case 'up':
        scrollOrStep(action.kind);
        break;
      case 'first':
        go(0);
        break;
      case 'last':
        go(count - 1);
        break;
      case 'digit':
        digits = (digits + action.digit).slice(-4);
        window.clearTimeout(digitsTimer);
        digitsTimer = window.setTimeout(() => {
          digits = '';
          showDigits();
        }, 3000);
        showDigits();
        break;
      case 'backspace':
        digits = digits.slice(0, -1);
        showDigits();
        break;
      case 'enter':
        if (!digits) return;
        go(Number(digits) - 1);
        digits = '';
        showDigits();
        break;
      case 'overview':
        setOverview(overview.hidden);
        break;
      case 'notes':
        setNotes(!root.hasAttribute('data-notes'));
        break;
      case 'window':
        openPresenterWindow();
        break;
      case 'help':
        setHelp(help.hidden);
        break;
    }
    e.preventDefault();
  });

  // 5. Buttons, address, timer.
  prevButton.addEventListener('click', () => step(-1));
  nextButton.addEventListener('click', () => step(1));
  overviewToggle.addEventListener('click', () => setOverview(overview.hidden));
  q('[data-deck-overview-close]').addEventListener('click', () => setOverview(false));
  notesToggle.addEventListener('click', () => setNotes(!root.hasAttribute('data-notes')));
  helpToggle.addEventListener('click', () => setHelp(help.hidden));
  q('[data-deck-window]').addEventListener('click', openPresenterWindow);
  window.addEventListener('hashchange', () => go(slideFromHash(location.hash, count, slideOfId)));

  const timer = q('[data-deck-timer]');
  let started = Date.now();
  q('[data-deck-timer-reset]').addEventListener('click', () => {
    started = Date.now();
    timer.textContent = '0:00';
  });
  window.setInterval(() => {
    const s = Math.floor((Date.now() - started) / 1000);
    timer.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }, 1000);

  notesToggle.setAttribute('aria-pressed', String(root.hasAttribute('data-notes')));
  root.dataset.deckReady = '';
  // Only the exact value '1' counts; anything else stored there (or no storage) means the top.
  const arrive = readText(sessionStore, ARRIVE);
  const arriveBottom = arrive.ok && arrive.value === '1';
  if (arrive.ok && arrive.value !== null) removeKey(sessionStore, ARRIVE);
  go(slideFromHash(location.hash, count, slideOfId), 'local', arriveBottom ? 'bottom' : 'top');
}
