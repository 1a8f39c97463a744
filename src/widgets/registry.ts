/**
 * Every widget of the site, in the order a reader meets them, by its `data-widget` name: its title and the lecture part it stands
 * in. Embeds (`/embed/<name>/`), the widget catalogue and tests iterate over this list, so the
 * names are stable once published.
 *
 * Nothing here is kept by hand: the list is read from the sources when this module loads (at build time,
 * in the unit tests and in the browser tests — it runs in Node, never in the page).
 * - Which widgets, in which part and in which order: the lecture's MDX (`content/lectures/<lecture>/NN-<part>.mdx`),
 *   where a widget is imported from `~/widgets/<name>/…` and placed as `<X client:… />`.
 * - The title: `src/widgets/<name>/widget.json` (`{ "title": "…" }`).
 * A widget folder that is not placed in the lecture, or a placed widget without its `widget.json`, stops the build
 * with a message saying what to add.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WidgetInfo {
  name: string;
  title: string;
  /** The lecture part it belongs to (URL slug). Its anchor there is `#widget-<name>`. */
  part: string;
}

/** One part of a lecture: its slug (the file name without `NN-` and `.mdx`) and its MDX text. */
export interface PartSource {
  part: string;
  text: string;
}

/**
 * The widgets placed in these parts, in reading order: every `<X client:…` whose `X` is imported
 * from `~/widgets/<name>/…` (one name per folder), with the part it stands in.
 */
export function placedWidgets(parts: readonly PartSource[]): { name: string; part: string }[] {
  const placed: { name: string; part: string }[] = [];
  for (const { part, text } of parts) {
    const imports = new Map(
      [...text.matchAll(/^import (\w+) from '~\/widgets\/([\w-]+)\/\w+';$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    for (const m of text.matchAll(/<(\w+)\s+client:/g)) {
      const name = imports.get(m[1]!);
      if (name) placed.push({ name, part });
    }
  }
  return placed;
}

/** The repository's root: the nearest folder above this module (or the working directory) holding `content/lectures/`. */
function findRoot(): string {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'content', 'lectures')) && existsSync(join(dir, 'src', 'widgets'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(
    'Widget registry: cannot find the repository root (a folder with content/lectures/ and src/widgets/).',
  );
}

/** Every lecture part, lectures and parts in file-name order (`NN-<part>.mdx`). */
function readParts(root: string): PartSource[] {
  const lectures = join(root, 'content', 'lectures');
  const parts: PartSource[] = [];
  const folders = readdirSync(lectures, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const lecture of folders.map((d) => d.name).sort()) {
    const dir = join(lectures, lecture);
    for (const file of readdirSync(dir)
      .filter((f) => /^\d\d-.+\.mdx$/.test(f))
      .sort()) {
      parts.push({
        part: file.replace(/^\d\d-/, '').replace(/\.mdx$/, ''),
        text: readFileSync(join(dir, file), 'utf8'),
      });
    }
  }
  return parts;
}

/** The widget folders (`src/widgets/<name>/`, not `shared/`). */
export function widgetFolders(root = findRoot()): string[] {
  return readdirSync(join(root, 'src', 'widgets'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared')
    .map((d) => d.name)
    .sort();
}

function readTitle(root: string, name: string): string {
  const file = join(root, 'src', 'widgets', name, 'widget.json');
  if (!existsSync(file)) {
    throw new Error(
      `Widget "${name}" is placed in the lecture but has no src/widgets/${name}/widget.json ({ "title": "…" }).`,
    );
  }
  const { title } = JSON.parse(readFileSync(file, 'utf8')) as { title?: unknown };
  if (typeof title !== 'string' || !title.trim())
    throw new Error(`src/widgets/${name}/widget.json: "title" must be a non-empty string.`);
  return title;
}

function buildRegistry(): WidgetInfo[] {
  const root = findRoot();
  const placed = placedWidgets(readParts(root));
  const seen = new Set<string>();
  for (const { name, part } of placed) {
    if (seen.has(name))
      throw new Error(`Widget "${name}" is placed in the lecture twice (again in ${part}); place it once.`);
    seen.add(name);
  }
  const unplaced = widgetFolders(root).filter((name) => !seen.has(name));
  if (unplaced.length) {
    throw new Error(
      `Widget folders not placed in the lecture: ${unplaced.join(', ')}. Import the view in the part's MDX and place it as <X client:visible />.`,
    );
  }
  return placed.map(({ name, part }) => ({ name, title: readTitle(root, name), part }));
}

export const widgets: readonly WidgetInfo[] = buildRegistry();
