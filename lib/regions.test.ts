/**
 * The website shows lib/ source beside the slides' NumPy, cut out by
 * `// #region <name>` … `// #endregion <name>` markers. This test keeps those
 * regions present, unique, balanced and short.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIB = fileURLToPath(new URL('.', import.meta.url));
const REQUIRED = [
  'layer-forward',
  'softmax',
  'categorical-cross-entropy',
  'binary-cross-entropy',
  'mean-squared-error',
  'one-hot',
  'softmax-jacobian',
  'sigmoid',
  'sigmoid-backward',
  'relu',
  'relu-backward',
  'step',
  'sgd-update',
  'learning-rate-decay',
  'momentum-update',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

interface Region {
  name: string;
  file: string;
  body: string[];
}

function collectRegions(): Region[] {
  const regions: Region[] = [];
  for (const file of sourceFiles(LIB)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let open: { name: string; start: number } | undefined;
    lines.forEach((line, i) => {
      const start = line.match(/^\s*\/\/ #region (\S+)\s*$/);
      const end = line.match(/^\s*\/\/ #endregion (\S+)\s*$/);
      if (start) {
        if (open) throw new Error(`${relative(LIB, file)}:${i + 1}: region ${start[1]} opened inside ${open.name}`);
        open = { name: start[1]!, start: i };
      } else if (end) {
        if (!open || open.name !== end[1])
          throw new Error(
            `${relative(LIB, file)}:${i + 1}: #endregion ${end[1]} does not close ${open?.name ?? 'anything'}`,
          );
        regions.push({ name: open.name, file: relative(LIB, file), body: lines.slice(open.start + 1, i) });
        open = undefined;
      }
    });
    if (open) throw new Error(`${relative(LIB, file)}: region ${open.name} is never closed`);
  }
  return regions;
}

describe('source regions for the website', () => {
  const regions = collectRegions();

  it('every required region exists exactly once across lib/', () => {
    for (const name of REQUIRED) {
      expect(
        regions.filter((r) => r.name === name).map((r) => r.file),
        name,
      ).toHaveLength(1);
    }
    const names = regions.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('each region holds 2–12 non-blank lines', () => {
    for (const region of regions) {
      const lines = region.body.filter((l) => l.trim() !== '');
      expect(lines.length, region.name).toBeGreaterThanOrEqual(2);
      expect(lines.length, region.name).toBeLessThanOrEqual(12);
    }
  });
});
