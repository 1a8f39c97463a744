import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { placedWidgets, widgetFolders, widgets } from '~/widgets/registry';

const root = new URL('../../', import.meta.url);

describe('widget registry (read from the lecture and the widget folders)', () => {
  it('reads the placed widgets in reading order, with their part, ignoring other imports and bare tags', () => {
    const parts = [
      {
        part: 'first',
        text: [
          "import B from '~/widgets/b-widget/B';",
          "import A from '~/widgets/a-widget/A';",
          "import Aside from '~/components/Aside.astro';",
          '<Aside>text</Aside>',
          '{/* widget: a-widget */}',
          '<A client:visible />',
          '<B',
          '  client:visible',
          '/>',
        ].join('\n'),
      },
      { part: 'second', text: "import C from '~/widgets/c/C';\n\n<C />\n<C client:idle />" },
    ];
    expect(placedWidgets(parts)).toEqual([
      { name: 'a-widget', part: 'first' },
      { name: 'b-widget', part: 'first' },
      { name: 'c', part: 'second' },
    ]);
  });

  it('lists every widget folder once, each with a title', () => {
    expect(widgets.map((w) => w.name).sort()).toEqual(widgetFolders());
    expect(new Set(widgets.map((w) => w.name)).size).toBe(widgets.length);
    for (const w of widgets) expect(w.title.trim(), w.name).not.toBe('');
  });

  it('places each widget in a part of the lecture that exists', () => {
    const parts = readdirSync(new URL('content/lectures/02-feedforward/', root)).map((f) =>
      f.replace(/^\d\d-/, '').replace(/\.mdx$/, ''),
    );
    for (const w of widgets) expect(parts, w.name).toContain(w.part);
  });

  it('gives every widget an embed page that renders that widget, and has no other embed pages', () => {
    const dir = new URL('src/pages/embed/', root);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.astro'));
    expect(pages.map((f) => f.replace(/\.astro$/, '')).sort()).toEqual(widgets.map((w) => w.name).sort());
    for (const { name } of widgets) {
      const page = readFileSync(new URL(`${name}.astro`, dir), 'utf8');
      expect(page, `embed/${name}.astro`).toContain(`<EmbedPage name="${name}">`);
      expect(page, `embed/${name}.astro`).toMatch(new RegExp(`from '~/widgets/${name}/\\w+';`));
      expect(existsSync(new URL(`src/widgets/${name}/widget.json`, root)), name).toBe(true);
    }
  });
});
