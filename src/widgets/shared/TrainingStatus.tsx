import type { TrainingLoopControls } from './useTrainingLoop';

/** What a training widget says about its run: the stop verdict, or what it is doing now. */
export function statusText(loop: TrainingLoopControls): string {
  if (loop.stop) return loop.stop.message;
  if (loop.background)
    return 'Training without animation (you prefer reduced motion); the result appears when it is done…';
  if (loop.status === 'running') return 'Training…';
  if (loop.status === 'paused') return 'Paused.';
  return 'Press Play to train, or train one epoch at a time.';
}

/** The verdict before the first colon in bold, the explanation after it in normal weight. */
export function StatusText({ text }: { text: string }) {
  const colon = text.indexOf(': ');
  if (colon < 0) return <>{text}</>;
  return (
    <>
      <strong>{text.slice(0, colon + 1)}</strong>
      {text.slice(colon + 1)}
    </>
  );
}
