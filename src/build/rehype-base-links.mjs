/**
 * Rehype plugin: prefix root-relative links written in Markdown/MDX (`/glossary/#epoch`)
 * with the site's base path, so the same content works at `/` and under `BASE_PATH`.
 * Links that already carry the base, protocol-relative links (`//host`) and anything
 * that is not root-relative are left alone.
 */
export function rehypeBaseLinks({ base = '/' } = {}) {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return (tree) => {
    if (!prefix) return;
    visit(tree, (node) => {
      if (node.type !== 'element' || !node.properties) return;
      for (const attr of ['href', 'src']) {
        const value = node.properties[attr];
        if (
          typeof value === 'string' &&
          value.startsWith('/') &&
          !value.startsWith('//') &&
          !value.startsWith(`${prefix}/`)
        ) {
          node.properties[attr] = prefix + value;
        }
      }
    });
  };
}

function visit(node, fn) {
  fn(node);
  if (Array.isArray(node.children)) for (const child of node.children) visit(child, fn);
}
