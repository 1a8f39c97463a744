import { describe, expect, it } from 'vitest';
import { formatRunTime, ranAnnouncement, runnerLost } from './run-messages';

describe('run messages', () => {
  it('formats run times in ms below a second (at least 1 ms), else in tenths of seconds', () => {
    expect(formatRunTime(0.2)).toBe('1 ms');
    expect(formatRunTime(12.4)).toBe('12 ms');
    expect(formatRunTime(1234)).toBe('1.2 s');
  });

  it('announces outputs and a check not passed yet', () => {
    expect(ranAnnouncement('Setup', '3 ms', 0, false)).toBe('Cell “Setup” ran in 3 ms.');
    expect(ranAnnouncement('Fit', '1.2 s', 1, true)).toBe(
      'Cell “Fit” ran in 1.2 s, 1 output; its check did not pass yet.',
    );
    expect(ranAnnouncement('Fit', '4 ms', 3, false)).toBe('Cell “Fit” ran in 4 ms, 3 outputs.');
  });

  it('says why the runner went away', () => {
    expect(runnerLost('crashed', '').state).toBe('Runner stopped: out of memory or crashed');
    expect(runnerLost('failed', 'HTTP 404').title).toBe('The runner failed to start: HTTP 404');
  });
});
