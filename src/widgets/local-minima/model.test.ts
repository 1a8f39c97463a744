import { describe, expect, it } from 'vitest';
import { MAX_STEPS, POINTS, basinOf, descend, gradient, loss, runMarks } from './model';

describe('local-minima model', () => {
  it('finds the three stationary points of E′(w) = w³ − 2w − 0.3', () => {
    for (const w of [POINTS.local, POINTS.peak, POINTS.global]) expect(Math.abs(gradient(w))).toBeLessThan(1e-12);
    // By hand: E′(−1.33) = +0.007 and E′(−1.335) = −0.009; E′(−0.15) = −0.003; E′(1.484) ≈ +0.0001
    expect(POINTS.local).toBeCloseTo(-1.3322, 3);
    expect(POINTS.peak).toBeCloseTo(-0.1515, 3);
    expect(POINTS.global).toBeCloseTo(1.4837, 3);
    // The right minimum is lower: it is the global one.
    expect(loss(POINTS.global)).toBeLessThan(loss(POINTS.local));
    expect(loss(POINTS.peak)).toBeGreaterThan(loss(POINTS.local));
  });

  it('rolls into the minimum of the basin it starts in, with small steps', () => {
    for (const start of [-2.4, -1, -0.3, -0.16]) expect(descend(start, 0.05).outcome).toBe('local');
    for (const start of [-0.14, 0, 1, 2.4]) expect(descend(start, 0.05).outcome).toBe('global');
    expect(basinOf(-1)).toBe('local');
    expect(basinOf(0)).toBe('global');
    const run = descend(-2, 0.05);
    expect(run.end).toBeCloseTo(POINTS.local, 4);
    expect(run.path[0]).toBe(-2);
    // The first step by hand: E′(−2) = −8 + 4 − 0.3 = −4.3, so w₁ = −2 + 0.05·4.3 = −1.785
    expect(run.path[1]).toBeCloseTo(-1.785, 12);
  });

  it('can jump over the peak with a large step', () => {
    // From −2 with α = 0.3: w₁ = −2 + 0.3·4.3 = −0.71, still left of the peak; from −2.4: E′ = −13.824 + 4.8 − 0.3 = −9.324, w₁ = −2.4 + 2.797 = 0.397, past the peak
    const run = descend(-2.4, 0.3);
    expect(run.path[1]).toBeCloseTo(0.3972, 4);
    expect(basinOf(run.path[1]!)).toBe('global');
  });

  it('says when a run does not settle or diverges', () => {
    // Near the global minimum E″ = 3w² − 2 ≈ 4.64, so α > 2/4.64 ≈ 0.43 overshoots more each time.
    const jumpy = descend(1.2, 0.5);
    expect(['diverged', 'unsettled']).toContain(jumpy.outcome);
    const far = descend(2.4, 0.6);
    expect(far.outcome).toBe('diverged');
    expect(far.path.every((w) => Number.isFinite(w) && Math.abs(w) <= 10)).toBe(true);
    expect(descend(1, 0.05).path.length).toBeLessThanOrEqual(MAX_STEPS + 1);
  });

  it('the marks of the runs: paths so far, the rolling balls, the ends and how many end at each minimum', () => {
    const left = descend(-2, 0.05);
    const right = descend(2, 0.05);
    const rolling = descend(1, 0.05);
    const far = descend(2.4, 0.6);
    expect(far.outcome).not.toMatch(/local|global/);
    const m = runMarks([
      { ...left, id: 1, shown: left.path.length },
      { ...right, id: 2, shown: right.path.length },
      { ...rolling, id: 3, shown: 3 },
      { ...far, id: 4, shown: far.path.length },
    ]);
    expect(m.trails.map((t) => [t.id, t.done])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(m.trails[0]!.points).toEqual(left.path.map((w) => [w, loss(w)]));
    expect(m.trails[2]!.points).toEqual(rolling.path.slice(0, 3).map((w) => [w, loss(w)]));
    // Only points inside the chart's range are drawn.
    expect(m.trails[3]!.points.every(([w]) => Math.abs(w) <= 2.5)).toBe(true);
    expect(m.heads).toEqual([[rolling.path[2]!, loss(rolling.path[2]!)]]);
    expect(m.ends.map((e) => [e.id, e.outcome])).toEqual([
      [1, 'local'],
      [2, 'global'],
    ]);
    expect(m.ends[0]!.e).toBe(loss(left.end));
    expect([m.atLocal, m.atGlobal]).toEqual([1, 1]);
    expect(runMarks([])).toEqual({ trails: [], heads: [], ends: [], atLocal: 0, atGlobal: 0 });
  });
});
