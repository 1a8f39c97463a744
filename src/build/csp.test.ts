import { describe, expect, it } from 'vitest';
import { fillPolicy, inlineScripts, scriptHash } from './csp.mjs';
import { HASHES_TOKEN, sitePolicy } from './csp-policy.mjs';

const page = (head: string, body = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${sitePolicy()}">${head}</head><body>${body}</body></html>`;

describe('the site policy', () => {
  it('is strict: self only, no unsafe-eval, no unsafe-inline scripts, no plugins, fixed base', () => {
    const policy = sitePolicy([]);
    const scriptSrc = /script-src ([^;]*)/.exec(policy)![1]!;
    expect(policy).toContain("default-src 'self'");
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:|blob:/);
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toContain('frame-ancestors');
  });

  it('the build fills in the hash of every inline script, and only of inline ones', () => {
    const theme = '\n(function () { document.documentElement.dataset.theme = "dark"; })();\n';
    const html = page(
      `<script>${theme}</script><script type="module" src="/_astro/a.js"></script>`,
      '<script>x()</script>',
    );
    expect(inlineScripts(html)).toEqual([theme, 'x()']);
    const filled = fillPolicy(html);
    expect(filled).not.toContain(HASHES_TOKEN);
    expect(filled).toContain(`script-src 'self' 'wasm-unsafe-eval' ${scriptHash(theme)} ${scriptHash('x()')};`);
    // The hash the browser computes: SHA-256 of the script's text, base64.
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it('refuses a page without the policy, or with a script before it', () => {
    expect(() => fillPolicy('<html><head><script>x()</script></head></html>', 'a.html')).toThrow(/a.html: no <meta/);
    const early = page('').replace('<meta charset="utf-8">', '<script>x()</script>');
    expect(() => fillPolicy(early)).toThrow(/before the Content-Security-Policy/);
  });
});
