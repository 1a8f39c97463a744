/**
 * Rehype plugin: wrap every table — Markdown tables and `<table>` written as JSX in MDX — in a
 * horizontally scrollable, keyboard-focusable box, so a wide table scrolls on a phone instead of
 * widening the whole page. A table with a caption makes the box a region named by the caption.
 */
export function rehypeTableScroll() {
  return (tree) => wrap(tree);
}

function isTable(node) {
  return (
    (node.type === 'element' && node.tagName === 'table') ||
    (node.type === 'mdxJsxFlowElement' && node.name === 'table')
  );
}

function isWrapper(node) {
  const cls = node.type === 'element' ? node.properties?.className : undefined;
  return Array.isArray(cls) && cls.includes('table-scroll');
}

function wrap(node) {
  if (!Array.isArray(node.children) || isWrapper(node)) return;
  node.children = node.children.map((child) => {
    if (isTable(child)) return wrapper(child);
    wrap(child);
    return child;
  });
}

function wrapper(table) {
  const caption = (table.children ?? []).find(
    (c) =>
      (c.type === 'element' && c.tagName === 'caption') || (c.type === 'mdxJsxFlowElement' && c.name === 'caption'),
  );
  const label = caption ? textOf(caption).replace(/\s+/g, ' ').trim() : '';
  const properties = label
    ? { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: label }
    : { className: ['table-scroll'], tabIndex: 0 };
  if (table.type === 'element') return { type: 'element', tagName: 'div', properties, children: [table] };
  // JSX table: wrap it in a JSX <div> so MDX compiles both the same way.
  const attributes = [
    { type: 'mdxJsxAttribute', name: 'className', value: 'table-scroll' },
    { type: 'mdxJsxAttribute', name: 'tabIndex', value: '0' },
  ];
  if (label) {
    attributes.push({ type: 'mdxJsxAttribute', name: 'role', value: 'region' });
    attributes.push({ type: 'mdxJsxAttribute', name: 'aria-label', value: label });
  }
  return { type: 'mdxJsxFlowElement', name: 'div', attributes, children: [table] };
}

function textOf(node) {
  if (node.type === 'text') return node.value;
  // A caption with a live number ({fmt(x)}) has no static text for that part; skip it.
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return '';
  return (node.children ?? []).map(textOf).join('');
}
