/**
 * What the "Share or embed" panel shows once open (see `SharePanel.tsx`, which loads this module
 * on demand): the choice per control, the link and the embed code, each with a copy button.
 */
import { useState } from 'preact/hooks';
import type { SharePanelProps } from './SharePanel';
import { shareQuery } from './url-state';

type Choice = 'free' | 'locked' | 'hidden';

/** The site's base path as built (`/` or `/mmai5500/`). */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Absolute URL of the widget's embed page with a query. */
export function embedUrl(origin: string, name: string, query: string): string {
  return `${origin}${BASE}embed/${name}/${query}`;
}

/** The iframe snippet for a course platform. Attribute values are escaped for HTML. */
export function iframeSnippet(src: string, title: string, height: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(src)}" title="${esc(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard blocked (e.g. inside an iframe without permission): select the text instead.
    field?.focus();
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function ShareBody({ name, title, schema, encoded, access, root }: SharePanelProps) {
  const ids = { link: `share-${name}-link`, embed: `share-${name}-embed` };
  // Controls present in the widget (by their `data-field`), labelled as the reader sees them.
  const [fields] = useState(() => {
    const out: { key: string; label: string }[] = [];
    for (const key of Object.keys(schema)) {
      const els = root.current?.querySelectorAll(`[data-field="${key}"]`) ?? [];
      const first = els[0]?.querySelector('.control__label')?.textContent?.trim() || key;
      // A list field (several sliders, one state key) is fixed as a whole.
      const label = els.length > 1 ? `${first} and the other ${els.length - 1}` : first;
      if (els.length > 0 || access.hidden.has(key) || access.locked.has(key)) out.push({ key, label });
    }
    return out;
  });
  const [choice, setChoice] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      fields.map(({ key }) => [key, access.hidden.has(key) ? 'hidden' : access.locked.has(key) ? 'locked' : 'free']),
    ),
  );
  const [status, setStatus] = useState('');
  const [height] = useState(() => {
    const h = root.current?.getBoundingClientRect().height ?? 600;
    return Math.min(1400, Math.max(320, Math.ceil(h / 10) * 10 + 40));
  });

  const chosen = (c: Choice) => new Set(Object.keys(choice).filter((k) => choice[k] === c));
  const query = shareQuery(name, encoded, { locked: chosen('locked'), hidden: chosen('hidden') });
  const { origin, pathname } = window.location;
  const page =
    document.documentElement.dataset.shareTarget === 'embed'
      ? embedUrl(origin, name, query)
      : `${origin}${pathname}${query}#widget-${name}`;
  const snippet = iframeSnippet(embedUrl(origin, name, query), title, height);

  const copy = async (text: string, id: string, what: string) => {
    const ok = await copyText(text, document.getElementById(id) as HTMLInputElement | null);
    setStatus(ok ? `${what} copied.` : `${what} is selected: press Ctrl+C (⌘C on a Mac) to copy it.`);
  };

  return (
    <div class="share">
      {fields.length > 0 && (
        <fieldset class="share__fields">
          <legend>For a class: fix controls</legend>
          <p class="share__help">
            A locked control keeps the value it has now and says “set by your instructor”; a hidden one is not shown.
            The link and the embed code below follow your choice.
          </p>
          <ul>
            {fields.map(({ key, label }) => (
              <li key={key}>
                <label for={`share-${name}-${key}`}>{label}</label>
                <select
                  id={`share-${name}-${key}`}
                  data-share-field={key}
                  value={choice[key]}
                  onChange={(e) => {
                    const value = (e.currentTarget as HTMLSelectElement).value as Choice;
                    setChoice((c) => ({ ...c, [key]: value }));
                    setStatus('');
                  }}
                >
                  <option value="free">free</option>
                  <option value="locked">locked</option>
                  <option value="hidden">hidden</option>
                </select>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <label class="share__label" for={ids.link}>
        Link to this widget as it is now
      </label>
      <div class="share__row">
        <input
          id={ids.link}
          type="text"
          readOnly
          value={page}
          data-share-link
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => copy(page, ids.link, 'The link')}>
          Copy link
        </button>
      </div>
      <label class="share__label" for={ids.embed}>
        Embed code (an iframe for Moodle, Canvas or any page)
      </label>
      <div class="share__row">
        <textarea
          id={ids.embed}
          readOnly
          rows={3}
          value={snippet}
          data-share-embed
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => copy(snippet, ids.embed, 'The embed code')}>
          Copy embed code
        </button>
      </div>
      <p class="share__status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
