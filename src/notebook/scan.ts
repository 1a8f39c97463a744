/**
 * A small scanner for the JavaScript that sucrase makes of a cell. It does not parse JavaScript; it
 * finds the few top-level facts a notebook needs, keeping every newline where it was (so an error's
 * line in the rewritten code is the line in the reader's cell):
 *
 * - `const` / `let` at the top level become `var`, which inside the runner's `with (scope)` block
 *   stores the value on the shared scope object (how cells see each other's names);
 * - `function f` at the top level is exported to the scope when the cell starts (it is hoisted);
 * - `class C { … }` becomes `var C = class C { … };`;
 * - `import { a, b as c } from 'feedforward'` becomes `var { a, b: c } = <engine>;`, and any other
 *   import (another module, a default import, a dynamic `import()`) is refused with its line.
 *
 * Strings, template literals (with nested `${}`), comments and regular-expression literals are
 * skipped so that braces and keywords inside them do not count.
 */

export interface Token {
  kind: 'name' | 'punct' | 'string' | 'number' | 'template' | 'regex';
  value: string;
  start: number;
  end: number;
  /** Nesting depth of (), [] and {} before this token. */
  depth: number;
  /** A line break lies between the previous token and this one. */
  newlineBefore: boolean;
}

export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

const PUNCT3 = ['===', '!==', '**=', '...', '>>>', '<<=', '>>=', '&&=', '||=', '??='];
const PUNCT2 = [
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '**',
  '<<',
  '>>',
];
/** After these tokens a `/` starts a regular expression, not a division. */
const REGEX_AFTER_NAMES = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

export function lineColumnAt(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

/** Splits JavaScript into tokens (enough of them to find the top level). */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let depth = 0;
  let newline = false;
  /** For each open `${` of a template: the brace depth it opened at. */
  const templateStack: number[] = [];

  const fail = (message: string, at: number): never => {
    const { line, column } = lineColumnAt(src, at);
    throw new CellSyntaxError(message, line, column);
  };
  const push = (kind: Token['kind'], start: number, end: number, tokenDepth = depth) => {
    tokens.push({ kind, value: src.slice(start, end), start, end, depth: tokenDepth, newlineBefore: newline });
    newline = false;
  };
  /** Scans a template literal's text from i (just after ` or }) to its end or to a `${`. */
  const templateChunk = (start: number) => {
    while (i < src.length) {
      const ch = src[i]!;
      if (ch === '\\') i += 2;
      else if (ch === '`') {
        i++;
        push('template', start, i);
        return;
      } else if (ch === '$' && src[i + 1] === '{') {
        i += 2;
        push('template', start, i);
        templateStack.push(depth);
        depth++;
        return;
      } else i++;
    }
    fail('Unterminated template literal', start);
  };
  const regexAllowed = () => {
    const prev = tokens[tokens.length - 1];
    if (!prev) return true;
    if (prev.kind === 'name') return REGEX_AFTER_NAMES.has(prev.value);
    if (prev.kind === 'punct') return ![')', ']', '}', '++', '--'].includes(prev.value);
    return false;
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\n') {
      newline = true;
      i++;
    } else if (
      ch === ' ' ||
      ch === '\t' ||
      ch === '\r' ||
      ch === '\f' ||
      ch === '\v' ||
      ch === '\u00a0' ||
      ch === '\ufeff'
    ) {
      i++;
    } else if (ch === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (ch === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail('Unterminated comment', i);
      if (src.slice(i, end).includes('\n')) newline = true;
      i = end + 2;
    } else if (ch === '"' || ch === "'") {
      const start = i++;
      while (i < src.length && src[i] !== ch) {
        if (src[i] === '\\') i++;
        else if (src[i] === '\n') fail('Unterminated string', start);
        i++;
      }
      if (i >= src.length) fail('Unterminated string', start);
      i++;
      push('string', start, i);
    } else if (ch === '`') {
      const start = i++;
      templateChunk(start);
    } else if (ch === '/' && regexAllowed()) {
      const start = i++;
      let inClass = false;
      while (i < src.length) {
        const c = src[i]!;
        if (c === '\\') i += 2;
        else if (c === '\n') fail('Unterminated regular expression', start);
        else {
          if (c === '[') inClass = true;
          else if (c === ']') inClass = false;
          else if (c === '/' && !inClass) break;
          i++;
        }
      }
      i++;
      while (i < src.length && /[a-z]/i.test(src[i]!)) i++;
      push('regex', start, i);
    } else if (/[A-Za-z_$\u0080-\uffff]/.test(ch) || ch === '#') {
      const start = i++;
      while (i < src.length && /[\w$\u0080-\uffff]/.test(src[i]!)) i++;
      push('name', start, i);
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const start = i++;
      while (i < src.length && /[\w.]/.test(src[i]!)) {
        if ((src[i] === 'e' || src[i] === 'E') && (src[i + 1] === '+' || src[i + 1] === '-')) i++;
        i++;
      }
      push('number', start, i);
    } else if (ch === '(' || ch === '[' || ch === '{') {
      push('punct', i, i + 1);
      depth++;
      i++;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (ch === '}' && templateStack.length && templateStack[templateStack.length - 1] === depth - 1) {
        templateStack.pop();
        depth--;
        const start = i++;
        templateChunk(start);
        continue;
      }
      depth = Math.max(0, depth - 1);
      push('punct', i, i + 1);
      i++;
    } else {
      const three = src.slice(i, i + 3);
      const two = src.slice(i, i + 2);
      const len = three.length === 3 && PUNCT3.includes(three) ? 3 : PUNCT2.includes(two) ? 2 : 1;
      push('punct', i, i + len);
      i += len;
    }
  }
  return tokens;
}

export interface Rewritten {
  /** The cell's JavaScript with the top level rewritten (same lines). */
  code: string;
  /** Names of top-level function declarations, to export to the scope when the cell starts. */
  functions: string[];
  /** Simple top-level names the cell declares (const x, let y, class C, imported names). */
  declared: string[];
}

/** Module names a cell may import: the course engine. */
export const ENGINE_MODULES = ['feedforward', '@lib'] as const;

/** Identifiers bound by an import clause `{ a, b as c }` or `* as ns`. */
function importClause(tokens: Token[], from: number, src: string): { text: string; names: string[]; end: number } {
  const t = tokens[from]!;
  const fail = (message: string, tok: Token): never => {
    const { line, column } = lineColumnAt(src, tok.start);
    throw new CellSyntaxError(message, line, column);
  };
  if (t.value === '*') {
    const as = tokens[from + 1];
    const name = tokens[from + 2];
    if (as?.value !== 'as' || name?.kind !== 'name') fail('Expected `* as name` in the import', t);
    return { text: name!.value, names: [name!.value], end: from + 3 };
  }
  if (t.value === '{') {
    const names: string[] = [];
    const parts: string[] = [];
    let k = from + 1;
    while (k < tokens.length && tokens[k]!.value !== '}') {
      const tok = tokens[k]!;
      if (tok.value === ',') {
        k++;
        continue;
      }
      if (tok.value === 'type' && tokens[k + 1]?.kind === 'name' && tokens[k + 1]!.value !== 'as') {
        // `type X` inside braces: a type only, nothing to bind at run time.
        k += 2;
        continue;
      }
      if (tok.kind !== 'name' && tok.kind !== 'string') fail(`Unexpected "${tok.value}" in the import`, tok);
      const imported = tok.kind === 'string' ? tok.value : tok.value;
      let local = tok.value;
      k++;
      if (tokens[k]?.value === 'as') {
        local = tokens[k + 1]!.value;
        k += 2;
      }
      names.push(local);
      parts.push(imported === local ? local : `${imported}: ${local}`);
    }
    return { text: `{ ${parts.join(', ')} }`, names, end: k + 1 };
  }
  if (t.kind === 'name') {
    return fail(
      `The engine has no default export: write \`import { ${t.value} } from 'feedforward'\` or \`import * as ${t.value} from 'feedforward'\``,
      t,
    );
  }
  return fail(`Unexpected "${t.value}" after import`, t);
}

/** Rewrites the top level of a cell's JavaScript (see the module comment). */
export function rewriteTopLevel(src: string, engineRef: string): Rewritten {
  const tokens = tokenize(src);
  const edits: { start: number; end: number; text: string }[] = [];
  const functions: string[] = [];
  const declared: string[] = [];
  const fail = (message: string, tok: Token): never => {
    const { line, column } = lineColumnAt(src, tok.start);
    throw new CellSyntaxError(message, line, column);
  };
  const atStatementStart = (k: number) => {
    const prev = tokens[k - 1];
    return !prev || prev.value === ';' || prev.value === '}' || prev.value === '{' || tokens[k]!.newlineBefore;
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'name') continue;
    const prev = tokens[k - 1];
    if (prev && (prev.value === '.' || prev.value === '?.')) continue;

    if (t.value === 'import') {
      const next = tokens[k + 1];
      if (next?.value === '(')
        fail('Cells cannot load modules with import(): everything they may use comes from `feedforward`', t);
      if (next?.value === '.') continue; // import.meta
      if (t.depth !== 0) continue;
      if (next?.kind === 'string')
        fail(`Cells can import only the course engine ('feedforward'), not ${next.value}`, next);
      const clause = importClause(tokens, k + 1, src);
      const fromTok = tokens[clause.end];
      const specTok = tokens[clause.end + 1];
      if (fromTok?.value !== 'from' || specTok?.kind !== 'string')
        fail("Expected `from 'feedforward'` after the imported names", fromTok ?? t);
      const spec = specTok!.value.slice(1, -1);
      if (!(ENGINE_MODULES as readonly string[]).includes(spec)) {
        fail(`Cells can import only the course engine ('feedforward'), not '${spec}'`, specTok!);
      }
      let last = clause.end + 1;
      if (tokens[last + 1]?.value === ';') last++;
      const end = tokens[last]!.end;
      const lines = src.slice(t.start, end).split('\n').length - 1;
      edits.push({ start: t.start, end, text: `var ${clause.text} = ${engineRef};` + '\n'.repeat(lines) });
      declared.push(...clause.names);
      k = last;
      continue;
    }
    if (t.depth !== 0) continue;

    if (t.value === 'export' && atStatementStart(k)) {
      // A cell's top-level names are shared with the cells below anyway: `export` is simply dropped.
      edits.push({ start: t.start, end: t.end, text: '' });
      continue;
    }
    if ((t.value === 'const' || t.value === 'let') && atStatementStart(k)) {
      const next = tokens[k + 1];
      if (next && (next.kind === 'name' || next.value === '{' || next.value === '[')) {
        if (t.value === 'const' && next.value === 'enum') continue;
        edits.push({ start: t.start, end: t.end, text: 'var' });
        if (next.kind === 'name') declared.push(next.value);
      }
      continue;
    }
    if (t.value === 'var' && tokens[k + 1]?.kind === 'name') {
      declared.push(tokens[k + 1]!.value);
      continue;
    }
    if (t.value === 'function' && atStatementStart(k - (prev?.value === 'async' ? 1 : 0))) {
      let n = k + 1;
      if (tokens[n]?.value === '*') n++;
      const name = tokens[n];
      if (name?.kind === 'name') functions.push(name.value);
      continue;
    }
    if (t.value === 'class' && atStatementStart(k)) {
      const name = tokens[k + 1];
      if (name?.kind !== 'name') continue;
      // Find the class body's closing brace: the first `}` back at depth 0 after the first `{` at depth 0.
      let n = k + 2;
      while (n < tokens.length && !(tokens[n]!.value === '{' && tokens[n]!.depth === 0)) n++;
      n++;
      while (n < tokens.length && !(tokens[n]!.value === '}' && tokens[n]!.depth === 0)) n++;
      if (n >= tokens.length) continue;
      edits.push({ start: t.start, end: t.start, text: `var ${name.value} = ` });
      edits.push({ start: tokens[n]!.end, end: tokens[n]!.end, text: ';' });
      declared.push(name.value);
    }
  }

  let code = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    code += src.slice(at, e.start) + e.text;
    at = e.end;
  }
  code += src.slice(at);
  return { code, functions, declared };
}
