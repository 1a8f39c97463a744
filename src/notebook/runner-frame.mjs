// @ts-check
/**
 * The document the notebook's runner lives in: written to the built site as RUNNER_FRAME_FILE by
 * the CSP integration (src/build/csp.mjs) and loaded by host.ts in
 * `<iframe sandbox="allow-scripts">` — no allow-same-origin, so its origin is opaque: it cannot
 * read the site's storage, cookies or DOM, and the browser keeps it in its own process
 * (Chromium isolates sandboxed frames), so a cell that runs out of memory takes down only it.
 *
 * Its policy is its own (a document with a URL does not inherit the page's): scripts only by the
 * hash of its one inline script, plus `eval` (cells are TypeScript compiled in the runner and run
 * with indirect eval), workers only from blob:, and nothing else at all — `connect-src 'none'`,
 * no script URLs (so no `import()` from the network), no images, fonts, styles or frames.
 * A worker started from a blob: URL takes the policy of the document that made it.
 *
 * The inline script is a relay: it waits for one message from its parent with the runner's code
 * (fetched by the page from the site) and two ports, starts the worker from a blob, hands it the
 * runner port, and answers the page's heartbeat on the control port. It refuses to start unless
 * it is sandboxed (its origin is "null") and framed.
 */
import { createHash } from 'node:crypto';

export const RUNNER_FRAME_FILE = 'notebook-runner.html';
export const BOOT = 'feedforward:runner-boot';
export const CONNECT = 'feedforward:runner-connect';

/** The frame's script, as a function so that it is linted; it is inlined as its source text. */
function relay(BOOT, CONNECT) {
  'use strict';
  var booted = false;
  if (self.origin !== 'null' || window.parent === window) return;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (booted || event.source !== window.parent || !data || data.type !== BOOT) return;
    if (typeof data.source !== 'string' || !event.ports || event.ports.length !== 2) return;
    booted = true;
    var runnerPort = event.ports[0];
    var control = event.ports[1];
    control.onmessage = function (e) {
      if (e.data === 'ping') control.postMessage({ type: 'pong' });
    };
    try {
      var url = URL.createObjectURL(new Blob([data.source], { type: 'text/javascript' }));
      var worker = new Worker(url, { name: 'notebook-runner' });
      worker.onerror = function (e) {
        e.preventDefault();
        control.postMessage({ type: 'failed', message: String(e.message || 'the runner stopped') });
      };
      // Anything a cell posts to its own global channel ends here, unread.
      worker.onmessage = function () {};
      worker.postMessage({ type: CONNECT }, [runnerPort]);
    } catch (err) {
      control.postMessage({ type: 'failed', message: String((err && err.message) || err) });
    }
  });
}

const SCRIPT = `(${relay.toString()})(${JSON.stringify(BOOT)}, ${JSON.stringify(CONNECT)});`;

/** The frame's policy, with the hash of its script. */
export function runnerFramePolicy() {
  const hash = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `script-src 'sha256-${hash}' 'unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The whole document. */
export function runnerFrameHtml() {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${runnerFramePolicy()}">
<meta name="robots" content="noindex">
<title>Notebook runner</title>
<script>${SCRIPT}</script>
</head>
<body></body>
</html>
`;
}
