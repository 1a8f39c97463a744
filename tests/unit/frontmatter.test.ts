import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * A wrong frontmatter field must stop the build with a message that names it. We copy the
 * project (content, config, sources) to a scratch folder, break one field, and run `astro sync`,
 * which loads and validates every content collection exactly as the build does.
 */
const root = resolve(__dirname, '../..');
let scratch = '';

function sync(): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/astro.js'), 'sync'], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

function edit(file: string, from: RegExp, to: string): () => void {
  const path = join(scratch, file);
  const original = readFileSync(path, 'utf8');
  const changed = original.replace(from, to);
  expect(changed).not.toBe(original);
  writeFileSync(path, changed);
  return () => writeFileSync(path, original);
}

describe('content collection schemas', () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'feedforward-frontmatter-'));
    for (const item of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'lib', 'public']) {
      cpSync(join(root, item), join(scratch, item), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  });
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('accepts the lecture as it is', () => {
    const { status, output } = sync();
    expect(output).not.toMatch(/does not match collection schema/);
    expect(status).toBe(0);
  });

  it('rejects a misspelt field, naming it', () => {
    const restore = edit('content/lectures/02-feedforward/index.mdx', /^summary:/m, 'summery:');
    const { status, output } = sync();
    restore();
    expect(status).not.toBe(0);
    expect(output).toMatch(/summery/);
    expect(output).toMatch(/02-feedforward/);
  });

  it('rejects a field of the wrong type, naming it', () => {
    const restore = edit('content/lectures/02-feedforward/02-forward-pass.mdx', /^order: \d+/m, 'order: two');
    const { status, output } = sync();
    restore();
    expect(status).not.toBe(0);
    expect(output).toMatch(/order/);
    expect(output).toMatch(/Expected type .?"?number/i);
  });
});
