/**
 * Every lecture's exercises, checked once when the site is built: a broken list stops the build
 * with a message naming the problem (see `validateExercises`).
 */
import { exercises as lecture02 } from '../../content/lectures/02-feedforward/exercises';
import { validateExercises, type Exercise, type ExerciseSet } from './types';

/** Part slugs per lecture (the file names without their order prefix). */
export const PART_SLUGS: Record<string, readonly string[]> = {
  '02-feedforward': [
    'architectures',
    'forward-pass',
    'activation-functions',
    'loss-functions',
    'backward-pass',
    'weight-updates',
    'terminology',
  ],
};

export const EXERCISE_SETS: readonly ExerciseSet[] = [lecture02];

for (const set of EXERCISE_SETS) {
  const problems = validateExercises(set, PART_SLUGS[set.lecture]);
  if (problems.length)
    throw new Error(`Exercises of lecture ${set.lecture} are not valid:\n- ${problems.join('\n- ')}`);
}

export function exerciseSet(lecture: string): ExerciseSet | undefined {
  return EXERCISE_SETS.find((s) => s.lecture === lecture);
}

/** Find an exercise by id (ids are unique within a lecture; the first lecture that has it wins). */
export function findExercise(id: string): { set: ExerciseSet; exercise: Exercise } | undefined {
  for (const set of EXERCISE_SETS) {
    const exercise = set.exercises.find((e) => e.id === id);
    if (exercise) return { set, exercise };
  }
  return undefined;
}
