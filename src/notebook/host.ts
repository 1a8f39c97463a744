/**
 * Starts and ends the notebook's runner, and tells the page when it is gone.
 *
 * In the built site the runner is a worker inside a sandboxed iframe (see runner-frame.mjs):
 * 1. the page fetches the runner's code (one self-contained script Vite builds from
 *    runner.worker.ts) from the site, creates `<iframe sandbox="allow-scripts">` on
 *    RUNNER_FRAME_FILE and, once it has loaded, sends it the code and two MessagePorts;
 * 2. the frame starts the worker from a blob and hands it the runner port; the worker says `ready`;
 * 3. while a cell runs the page pings the frame on the control port; a frame that stops answering
 *    has lost its process (out of memory, or a crash) and the page says so.
 * Ending the runner (time limit, Restart) removes the frame, which ends the worker with it.
 *
 * `astro dev` serves no built worker and no frame file, so there the worker is started directly
 * from the page (same messages over a port, no sandbox): the sandbox is a property of the build.
 */
import runnerUrl from './runner.worker.ts?worker&url';
import { BOOT, CONNECT, FRAME_FILE, HEARTBEAT_DEAD_MS, HEARTBEAT_MS, type FromFrame, type ToWorker } from './protocol';

export interface RunnerEvents {
  /** Every message from the worker, unchecked (the page checks it with schema.ts). */
  message(data: unknown): void;
  /** The runner is gone without being asked to: it could not start, or its process died. */
  lost(reason: 'failed' | 'crashed', detail: string): void;
}

let codePromise: Promise<string> | null = null;
/** The runner's code, fetched once per page. */
const runnerCode = () =>
  (codePromise ??= fetch(runnerUrl).then((r) => {
    if (!r.ok) throw new Error(`the runner's code could not be loaded (HTTP ${r.status})`);
    return r.text();
  }));

export class RunnerHost {
  private port: MessagePort | null = null;
  private frame: HTMLIFrameElement | null = null;
  private worker: Worker | null = null;
  private control: MessagePort | null = null;
  private heartbeat = 0;
  /** When the ping not answered yet was sent (0: none outstanding). */
  private pingSince = 0;
  private queued: ToWorker[] = [];
  private ended = false;

  constructor(private readonly events: RunnerEvents) {}

  /** Starts the runner; messages sent before it is ready wait. */
  start(): void {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event) => {
      if (this.ended) return;
      if (!this.isReady && (event.data as { type?: unknown } | null)?.type === 'ready') {
        this.isReady = true;
        for (const m of this.queued.splice(0)) this.port!.postMessage(m);
      }
      this.events.message(event.data);
    };
    if (import.meta.env.DEV) {
      this.worker = new Worker(runnerUrl, { type: 'module', name: 'notebook-runner' });
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.lose('failed', event.message || 'unknown error');
      };
      this.worker.postMessage({ type: CONNECT }, [channel.port2]);
      return;
    }
    const control = new MessageChannel();
    this.control = control.port1;
    this.control.onmessage = (event: MessageEvent<FromFrame>) => {
      if (this.ended) return;
      const msg = event.data;
      if (msg?.type === 'pong') this.pingSince = 0;
      else if (msg?.type === 'failed' && !this.isReady) this.lose('failed', String(msg.message).slice(0, 500));
    };
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = 'Notebook runner (no content)';
    frame.setAttribute('aria-hidden', 'true');
    frame.className = 'nb-runner-frame';
    frame.src = `${import.meta.env.BASE_URL}${FRAME_FILE}`;
    this.frame = frame;
    const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
    document.body.append(frame);
    Promise.all([runnerCode(), loaded]).then(
      ([source]) => {
        if (this.ended || !frame.contentWindow) return;
        // An opaque origin has no name to address it by: '*', but only to this frame's window.
        frame.contentWindow.postMessage({ type: BOOT, source }, '*', [channel.port2, control.port2]);
      },
      (err: unknown) => this.lose('failed', (err as Error)?.message ?? String(err)),
    );
  }

  private isReady = false;

  send(message: ToWorker): void {
    if (!this.port) return;
    if (this.isReady) this.port.postMessage(message);
    else this.queued.push(message);
  }

  /**
   * While cells run: watch that the frame's process is alive. One ping at a time; the frame is
   * gone when a ping stays unanswered for HEARTBEAT_DEAD_MS (counted from when it was sent, so a
   * throttled timer in a background tab does not count as silence). Its worker may be busy: the
   * frame's own thread answers.
   */
  watch(on: boolean): void {
    window.clearInterval(this.heartbeat);
    this.heartbeat = 0;
    this.pingSince = 0;
    if (!on || !this.control) return;
    this.heartbeat = window.setInterval(() => {
      if (this.ended || !this.isReady) return;
      if (this.pingSince === 0) {
        this.pingSince = performance.now();
        this.control!.postMessage('ping');
      } else if (performance.now() - this.pingSince > HEARTBEAT_DEAD_MS) {
        this.lose('crashed', 'the runner stopped answering');
      }
    }, HEARTBEAT_MS);
  }

  /** Ends the runner: the frame goes (and its worker with it). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.watch(false);
    this.port?.close();
    this.control?.close();
    this.worker?.terminate();
    this.frame?.remove();
    this.port = this.control = null;
    this.worker = null;
    this.frame = null;
    this.queued = [];
  }

  private lose(reason: 'failed' | 'crashed', detail: string) {
    if (this.ended) return;
    this.end();
    this.events.lost(reason, detail);
  }
}
