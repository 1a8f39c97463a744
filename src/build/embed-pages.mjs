// @ts-check
/**
 * An Astro integration: every widget's embed page, `/embed/<name>/` — the widget alone, for an
 * iframe in a course platform — without a page file per widget.
 *
 * One `[name].astro` route over the registry cannot do it: Astro hydrates (`client:load`) only a
 * component the page imports by name, because the compiler finds the browser module through that
 * import statement. A component taken from a map (`import.meta.glob`, eager) renders, but hydrating
 * it fails: "NoMatchingImport: Could not render `View`. No matching import has been found" (tried
 * with Astro 5.18; withastro/astro#5415, #7287; the directives reference: client directives are
 * not supported on dynamic tags). So this writes, for each widget folder, the five-line page that
 * imports its view by name (into `.astro/embed-pages/`, not kept in git) and adds it as a route.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `lr-decay` → `LrDecay`: the view's file and component name. */
export function viewName(/** @type {string} */ name) {
  return name
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/**
 * The embed page of widget `name`, whose view is `src/widgets/<name>/<ViewName>.tsx` under `root`.
 * @param {string} name
 * @param {string} root the repository's root folder
 */
export function embedPageSource(name, root) {
  const view = viewName(name);
  const src = join(root, 'src').split('\\').join('/');
  return [
    '---',
    '// Written by src/build/embed-pages.mjs at every build: do not edit.',
    `import EmbedPage from '${src}/components/EmbedPage.astro';`,
    `import ${view} from '${src}/widgets/${name}/${view}';`,
    '---',
    '',
    `<EmbedPage name="${name}"><${view} client:load headingLevel={2} /></EmbedPage>`,
    '',
  ].join('\n');
}

/** The widget folders under `root`: `src/widgets/<name>/` except `shared/`. */
export function widgetNames(/** @type {string} */ root) {
  return readdirSync(join(root, 'src', 'widgets'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared')
    .map((d) => d.name)
    .sort();
}

/** @returns {import('astro').AstroIntegration} */
export function embedPages() {
  return {
    name: 'embed-pages',
    hooks: {
      'astro:config:setup': ({ config, injectRoute }) => {
        const root = fileURLToPath(config.root);
        const dir = join(root, '.astro', 'embed-pages');
        mkdirSync(dir, { recursive: true });
        const names = widgetNames(root);
        // A page left from a widget folder since removed goes too.
        for (const file of readdirSync(dir)) {
          if (!names.includes(file.replace(/\.astro$/, ''))) rmSync(join(dir, file));
        }
        for (const name of names) {
          const view = join(root, 'src', 'widgets', name, `${viewName(name)}.tsx`);
          if (!existsSync(view)) {
            throw new Error(
              `Widget "${name}": its view must be src/widgets/${name}/${viewName(name)}.tsx (default export).`,
            );
          }
          const file = join(dir, `${name}.astro`);
          const source = embedPageSource(name, root);
          // Rewrite only on change, so that the dev server does not reload for nothing.
          if (!existsSync(file) || readFileSync(file, 'utf8') !== source) writeFileSync(file, source);
          injectRoute({ pattern: `/embed/${name}`, entrypoint: file, prerender: true });
        }
      },
    },
  };
}
