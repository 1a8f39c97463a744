import ts from 'typescript';

/**
 * Pull a named region out of a source file, for showing real engine code beside the slides'
 * NumPy. A region is the lines between `// #region NAME` and `// #endregion NAME`.
 */
export function extractRegion(source: string, name: string): string | undefined {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*//\\s*#region\\s+${escape(name)}\\s*$`).test(l));
  if (start < 0) return undefined;
  const end = lines.findIndex(
    (l, i) => i > start && new RegExp(`^\\s*//\\s*#endregion(\\s+${escape(name)})?\\s*$`).test(l),
  );
  if (end < 0) throw new Error(`Region "${name}" opens on line ${start + 1} but never closes (// #endregion ${name}).`);
  return dedent(lines.slice(start + 1, end).filter((l) => !/^\s*\/\/\s*#(end)?region\b/.test(l)));
}

/** Remove the common leading indentation of non-blank lines, and blank lines at either end. */
export function dedent(lines: string[]): string {
  while (lines.length && !lines[0]!.trim()) lines = lines.slice(1);
  while (lines.length && !lines[lines.length - 1]!.trim()) lines = lines.slice(0, -1);
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^\s*/)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Find a region in any of several files; the result names the file it came from. */
export function findRegion(files: Record<string, string>, name: string): { file: string; code: string } {
  const found: { file: string; code: string }[] = [];
  for (const [file, source] of Object.entries(files)) {
    const code = extractRegion(source, name);
    if (code !== undefined) found.push({ file, code });
  }
  if (found.length === 0)
    throw new Error(`No engine code region "${name}": add "// #region ${name}" … "// #endregion ${name}" in lib/.`);
  if (found.length > 1)
    throw new Error(
      `Engine code region "${name}" is defined in more than one file: ${found.map((f) => f.file).join(', ')}.`,
    );
  return found[0]!;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The source without its non-null assertions (`x[i]!` → `x[i]`), for showing engine code to readers.
 * The engine is compiled with `noUncheckedIndexedAccess`, so every read of a typed array in a loop
 * carries a `!` that tells the compiler the index is in range. It is erased when the code is compiled
 * and changes nothing the code does; on the page it would only stand between the reader and the
 * math. Found with the TypeScript parser (a `!` in a string, a comment or `!==` is left alone); give
 * it a whole file, not a region (a region alone may not parse).
 */
export function withoutNonNullAssertions(source: string): { code: string; removed: number } {
  const file = ts.createSourceFile('engine.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const marks: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNonNullExpression(node)) marks.push(node.end - 1);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let code = source;
  for (const at of marks.sort((a, b) => b - a)) {
    if (code[at] !== '!') throw new Error(`Expected a non-null "!" at offset ${at}, found "${code[at]}".`);
    code = code.slice(0, at) + code.slice(at + 1);
  }
  return { code, removed: marks.length };
}
