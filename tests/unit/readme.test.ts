import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { widgets } from '~/widgets/registry';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('names every widget of the registry in its feature list, and no other', () => {
    const named = [...readme.matchAll(/\(`([a-z][a-z-]+)`\)/g)].map((m) => m[1]);
    expect(named).toEqual(widgets.map((w) => w.name));
  });

  it('counts the widgets of the registry', () => {
    expect(readme).toContain(`**${widgets.length} widgets you can touch**`);
  });
});
