import { describe, expect, it } from 'vitest';
import { notebookScript } from './download';

describe('notebookScript', () => {
  it('writes a header, then each cell under a numbered rule, edited ones marked', () => {
    const rule = `// ${'─'.repeat(60)}`;
    const text = notebookScript('Tutorial', 'https://example.org/t/', [
      { title: 'One', code: 'const a = 1;\n\n', edited: false },
      { title: 'Two', code: 'a + 1', edited: true },
    ]);
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['// Tutorial', '// Downloaded from https://example.org/t/']);
    expect(lines.slice(5)).toEqual([
      rule,
      '// Cell 1: One',
      rule,
      'const a = 1;',
      '',
      rule,
      '// Cell 2: Two (edited)',
      rule,
      'a + 1',
      '',
    ]);
  });
});
