/** "Download .ts": the notebook's cells as one TypeScript file, as they are in the browser now. */

export interface CellSource {
  title: string;
  code: string;
  edited: boolean;
}

export function notebookScript(title: string, pageUrl: string, cells: readonly CellSource[]): string {
  const rule = '─'.repeat(60);
  const parts = [
    `// ${title}`,
    `// Downloaded from ${pageUrl}`,
    `// The cells in order, as they are in your browser now. In the page, \`feedforward\` is the course`,
    `// engine (the site's lib/ folder); elsewhere, point that import at your copy of it.`,
    '',
    ...cells.flatMap((cell, i) => [
      `// ${rule}`,
      `// Cell ${i + 1}: ${cell.title}${cell.edited ? ' (edited)' : ''}`,
      `// ${rule}`,
      cell.code.trimEnd(),
      '',
    ]),
  ];
  return parts.join('\n');
}

/** Hands `text` to the browser as a file download. */
export function saveFile(name: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
