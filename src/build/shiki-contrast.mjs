/**
 * Shiki transformer: GitHub's light theme draws comments in #6E7781, which is 4.3:1 on our code
 * background — below the 4.5:1 that WCAG AA asks for body-size text. Comments carry half the
 * explanation in the lecture's code, so they get a darker grey (#57606A, 6.1:1).
 */
const replacements = { '#6E7781': '#57606A', '#6e7781': '#57606A' };

export const shikiContrast = {
  name: 'feedforward-contrast',
  span(node) {
    const style = node.properties?.style;
    if (typeof style !== 'string') return;
    node.properties.style = style.replace(/--shiki-light:(#[0-9a-fA-F]{6})/g, (m, color) =>
      replacements[color] ? `--shiki-light:${replacements[color]}` : m,
    );
  },
};
