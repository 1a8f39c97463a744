/** What the page says about a run: in the cell's state line, its output and to screen readers. */
import { TIME_LIMIT_MS } from './protocol';

/** Why the runner went away in the middle of a run: the output's title and text, the state line. */
export interface StopNotice {
  title: string;
  more: string;
  state: string;
}

export function formatRunTime(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function ranAnnouncement(title: string, time: string, outputs: number, checkFailed: boolean): string {
  const shown = outputs ? `, ${outputs} output${outputs === 1 ? '' : 's'}` : '';
  return `Cell “${title}” ran in ${time}${shown}${checkFailed ? '; its check did not pass yet' : ''}.`;
}

export const TIME_LIMIT_STOP: StopNotice = {
  title: `Stopped: this cell ran longer than ${TIME_LIMIT_MS / 1000} s, the time limit for one cell.`,
  more: 'The runner was stopped and a fresh one is ready, but everything the cells above defined is gone. Look for a loop that never ends, then use “Run all” (or run the cells above again) before this one.',
  state: `Stopped at the ${TIME_LIMIT_MS / 1000} s limit`,
};

export function timeLimitAnnouncement(title: string): string {
  return `Cell “${title}” stopped at the ${TIME_LIMIT_MS / 1000}-second limit; the runner restarted and earlier results are gone.`;
}

export function runnerLost(reason: 'failed' | 'crashed', detail: string): StopNotice {
  if (reason === 'crashed')
    return {
      title: 'Stopped: the runner ran out of memory or crashed while this cell ran.',
      more: 'Only the runner was affected; this page is fine, and a fresh runner is ready, but everything the cells above defined is gone. Look for data that grows without end (an array filled in a loop), then use “Run all” (or run the cells above again) before this one.',
      state: 'Runner stopped: out of memory or crashed',
    };
  return {
    title: `The runner failed to start: ${detail}`,
    more: 'Try again; if it keeps failing, reload the page.',
    state: 'Runner failed to start',
  };
}

export function lostAnnouncement(title: string, notice: StopNotice): string {
  return `Cell “${title}”: ${notice.title} Earlier results are gone.`;
}
