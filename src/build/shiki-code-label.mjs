/**
 * Shiki transformer: a code block wider than the column scrolls sideways, and Astro already makes
 * its `<pre>` focusable so that it can be scrolled by keyboard. A focusable region needs a name
 * too (WCAG 4.1.2): each block becomes a group named for its language, e.g. "Python code". A group,
 * not a region: regions are landmarks, and a page with two Python blocks would have two landmarks
 * of the same name (axe `landmark-unique`), cluttering the landmark list for no gain.
 */
const names = { py: 'Python', python: 'Python', ts: 'TypeScript', typescript: 'TypeScript', js: 'JavaScript' };

export const shikiCodeLabel = {
  name: 'feedforward-code-label',
  pre(node) {
    const lang = this.options.lang;
    const language = names[lang] ?? (lang && lang !== 'text' && lang !== 'plaintext' ? lang : '');
    node.properties.role = 'group';
    node.properties['aria-label'] = language ? `${language} code` : 'Code';
  },
};
