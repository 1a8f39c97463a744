import { exerciseSet } from './registry';
import type { ProgressSummaryProps } from '~/components/ProgressSummary';

/** Props of a lecture's progress summary: its exercise ids grouped by part, in the parts' order. */
export function summaryProps(
  lecture: string,
  title: string,
  parts: { slug: string; title: string; href: string }[],
): ProgressSummaryProps | undefined {
  const set = exerciseSet(lecture);
  if (!set) return undefined;
  return {
    lecture,
    title,
    parts: parts.map((p) => ({ ...p, ids: set.exercises.filter((e) => e.part === p.slug).map((e) => e.id) })),
    taskIds: set.exercises.filter((e) => e.task).map((e) => e.id),
  };
}
