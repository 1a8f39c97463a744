/**
 * Checking a widget task: whether the values a widget reports meet the task's goals. Pure
 * functions, no DOM (tested in `check.test.ts` with the answer checks).
 */
import type { Condition, Goal, Operand } from './types';

type Report = Record<string, number | string | boolean | null>;

function resolve(op: Operand, report: Report): number | string | boolean | null | undefined {
  return typeof op === 'object' && op !== null ? report[op.field] : op;
}

/** Whether one reported value meets a condition. Missing or null values never do; NaN fails every order. */
export function meets(report: Report, field: string, is: Condition): boolean {
  const v = report[field];
  if (v === undefined || v === null) return false;
  for (const [op, raw] of Object.entries(is) as [keyof Condition, Operand][]) {
    if (op === 'absLt') {
      if (typeof v !== 'number' || !(Math.abs(v) < (raw as number))) return false;
      continue;
    }
    const w = resolve(raw, report);
    if (w === undefined || w === null) return false;
    if (op === 'eq' && v !== w) return false;
    if (op === 'ne' && v === w) return false;
    if (op === 'lt' || op === 'le' || op === 'gt' || op === 'ge') {
      if (typeof v !== 'number' || typeof w !== 'number') return false;
      const ok = op === 'lt' ? v < w : op === 'le' ? v <= w : op === 'gt' ? v > w : v >= w;
      if (!ok) return false;
    }
  }
  return true;
}

/** Which goals of a widget task hold for a report. */
export function checkGoals(goals: readonly Goal[], report: Report): { met: boolean[]; solved: boolean } {
  const met = goals.map((g) => meets(report, g.field, g.is));
  return { met, solved: met.length > 0 && met.every(Boolean) };
}
