/**
 * Rehype plugin: wrap every table — Markdown tables and `<table>` written as JSX in MDX — in a
 * horizontally scrollable, keyboard-focusable region, so a wide table scrolls on a phone instead of
 * widening the whole page or losing columns:
 *
 *   <div class="table-frame"><div class="table-scroll" tabindex="0" role="region" aria-label="…">
 *     <table>…</table>
 *   </div></div>
 *
 * The region is named by the table's caption, else by its column headings. global.css gives the
 * scroller edge shadows and the frame a "scroll →" hint, both shown only while the table overflows
 * (the same markup as ScrollTable in src/widgets/shared/).
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
  if (Array.isArray(cls)) return cls.includes('table-scroll') || cls.includes('table-frame');
  const attr = node.type === 'mdxJsxFlowElement' ? node.attributes?.find((a) => a.name === 'className') : undefined;
  return typeof attr?.value === 'string' && /\btable-(scroll|frame)\b/.test(attr.value);
}

function wrap(node) {
  if (!Array.isArray(node.children) || isWrapper(node)) return;
  node.children = node.children.map((child) => {
    if (isTable(child)) return wrapper(child);
    wrap(child);
    return child;
  });
}

function isNamed(node, name) {
  return (
    (node.type === 'element' && node.tagName === name) || (node.type === 'mdxJsxFlowElement' && node.name === name)
  );
}

/** Every descendant (depth first) that is a `name` element, HTML or JSX. */
function findAll(node, name, out = []) {
  for (const c of node.children ?? []) {
    if (isNamed(c, name)) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}

/** The region's name: the caption, else "Table: " and the headings of the first row. */
export function tableLabel(table) {
  const caption = (table.children ?? []).find((c) => isNamed(c, 'caption'));
  const clean = (t) => t.replace(/\s+/g, ' ').trim();
  const fromCaption = caption ? clean(textOf(caption)) : '';
  if (fromCaption) return fromCaption;
  const firstRow = findAll(table, 'tr')[0];
  const headings = firstRow
    ? findAll(firstRow, 'th')
        .map((th) => clean(textOf(th)))
        .filter(Boolean)
    : [];
  return headings.length ? `Table: ${headings.join(', ')}` : 'Table';
}

function wrapper(table) {
  const label = tableLabel(table);
  if (table.type === 'element') {
    const scroll = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: label },
      children: [table],
    };
    return { type: 'element', tagName: 'div', properties: { className: ['table-frame'] }, children: [scroll] };
  }
  // JSX table: wrap it in JSX <div>s so MDX compiles both the same way.
  const attributes = [
    { type: 'mdxJsxAttribute', name: 'className', value: 'table-scroll' },
    { type: 'mdxJsxAttribute', name: 'tabIndex', value: '0' },
    { type: 'mdxJsxAttribute', name: 'role', value: 'region' },
    { type: 'mdxJsxAttribute', name: 'aria-label', value: label },
  ];
  const scroll = { type: 'mdxJsxFlowElement', name: 'div', attributes, children: [table] };
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [{ type: 'mdxJsxAttribute', name: 'className', value: 'table-frame' }],
    children: [scroll],
  };
}

function textOf(node) {
  if (node.type === 'text') return node.value;
  // A caption with a live number ({fmt(x)}) has no static text for that part; skip it.
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return '';
  return (node.children ?? []).map(textOf).join('');
}
