import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { embedPageSource, viewName, widgetNames } from '../../src/build/embed-pages.mjs';
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

  it('gives every widget an embed page (written by src/build/embed-pages.mjs) that hydrates its view', () => {
    const dir = fileURLToPath(root);
    expect(widgetNames(dir)).toEqual(widgets.map((w) => w.name).sort());
    for (const { name } of widgets) {
      const view = viewName(name);
      expect(existsSync(new URL(`src/widgets/${name}/${view}.tsx`, root)), `${name}/${view}.tsx`).toBe(true);
      const page = embedPageSource(name, dir);
      expect(page).toContain(`import ${view} from '${dir}src/widgets/${name}/${view}';`);
      expect(page).toContain(`<EmbedPage name="${name}"><${view} client:load headingLevel={2} /></EmbedPage>`);
      expect(existsSync(new URL(`src/widgets/${name}/widget.json`, root)), name).toBe(true);
    }
    expect(viewName('lr-decay')).toBe('LrDecay');
  });
});
