/**
 * A display equation wider than a phone's column scrolls sideways (`.katex-display` has
 * `overflow-x: auto`); a region that scrolls must take keyboard focus so that it can be scrolled
 * without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable). Every display equation is made
 * a focusable group named "Equation" (its MathML is what a screen reader reads inside it).
 */
export function rehypeMathScroll() {
  return (tree) => visit(tree);
}

function visit(node) {
  if (node.type === 'element' && classes(node).includes('katex-display')) {
    node.properties = { ...node.properties, tabIndex: 0, role: 'group', ariaLabel: 'Equation' };
    return;
  }
  for (const child of node.children ?? []) visit(child);
}

function classes(node) {
  const c = node.properties?.className;
  return Array.isArray(c) ? c : typeof c === 'string' ? c.split(/\s+/) : [];
}
