/** An exercise's saved progress (`~/exercises/progress`), and who shows the page's storage notice. */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { progressStore, type ExerciseProgress, type ProgressStore } from '~/exercises/progress';

/** This exercise's progress (re-rendering when any tab changes it), its store, and how to change it. */
export function useProgress(
  lecture: string,
  id: string,
): [ExerciseProgress, ProgressStore, (change: (p: ExerciseProgress) => ExerciseProgress) => void] {
  const store = useMemo(() => progressStore(lecture), [lecture]);
  const [, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
  const update = useCallback(
    (change: (p: ExerciseProgress) => ExerciseProgress) => store.update(id, change),
    [store, id],
  );
  return [store.get(id), store, update];
}

/** The page's storage notice is shown once, by the first exercise that comes alive. */
let noticeOwner: string | undefined;

/** Whether this exercise is the one that shows the storage notice. */
export function useNoticeOwner(id: string): boolean {
  const [owner, setOwner] = useState(false);
  useEffect(() => {
    if (noticeOwner === undefined || noticeOwner === id) {
      noticeOwner = id;
      setOwner(true);
    }
    return () => {
      if (noticeOwner === id) noticeOwner = undefined;
    };
  }, [id]);
  return owner;
}
