import { getCollection, type CollectionEntry } from 'astro:content';
import { checkPartOrder } from './lecture-paths';

export type Lecture = CollectionEntry<'lectures'>;
export type Part = CollectionEntry<'parts'>;

/** Every published lecture with its parts in reading order (checked: 1..n, no gaps). */
export async function lecturesWithParts(): Promise<{ lecture: Lecture; parts: Part[] }[]> {
  const lectures = (await getCollection('lectures', (l) => !l.data.draft)).sort(
    (a, b) => a.data.number - b.data.number,
  );
  const allParts = await getCollection('parts');
  return lectures.map((lecture) => {
    const parts = allParts.filter((p) => p.id.startsWith(`${lecture.id}/`)).sort((a, b) => a.data.order - b.data.order);
    checkPartOrder(
      lecture.id,
      parts.map((p) => ({ id: p.id, order: p.data.order })),
    );
    return { lecture, parts };
  });
}

/** The slug of a part inside its lecture: `02-feedforward/loss-functions` → `loss-functions`. */
export function partSlugOf(part: Part): string {
  return part.id.slice(part.id.indexOf('/') + 1);
}
