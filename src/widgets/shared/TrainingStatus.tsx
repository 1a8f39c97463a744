import type { Health } from '@lib';
import { fmt } from '~/util/format';
import type { TrainingLoopControls } from './useTrainingLoop';

/** The name of each warning, as the status line starts it. */
const TITLE: Record<Exclude<Health['verdict'], 'healthy'>, string> = {
  diverged: 'Diverging',
  oscillating: 'Oscillating',
  stalled: 'Stalled',
  overfitting: 'Overfitting',
};

const loss = (x: number) => fmt(x, 3);

/** What the monitor measured, in a parenthesis (losses with the project's number format). */
function evidenceText(h: Health): string {
  const e = h.evidence;
  if (!e) return '';
  switch (h.verdict) {
    case 'oscillating':
      return ` (between ${loss(e.low)} and ${loss(e.high)} over the last ${e.window} epochs)`;
    case 'diverged':
      return ` (${loss(e.low)} or more over the last ${e.window} epochs, ${loss(e.reference)} before training)`;
    case 'stalled':
      return ` (${loss(e.low)} at best over the last ${e.window} epochs, ${loss(e.reference)} before training)`;
    case 'overfitting':
      return e.bestTest !== undefined && e.testNow !== undefined
        ? ` (test loss ${loss(e.testNow)} now, ${loss(e.bestTest)} at its best in epoch ${e.bestTestEpoch})`
        : '';
    default:
      return '';
  }
}

/**
 * The health verdict as a sentence for the status line: "Oscillating: the loss swings … (between
 * 1.105 and 4.145 over the last 40 epochs). Lower the learning rate α, or use less momentum β."
 * Empty for a healthy run.
 */
export function healthText(h: Health): string {
  if (h.verdict === 'healthy') return '';
  const reason = h.reason.replace(/\.$/, '');
  return `${TITLE[h.verdict]}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}${evidenceText(h)}. ${h.fix}`;
}

/**
 * The verdict for the polite live region: short and without numbers, so it is read once when the
 * verdict changes, not again with every epoch. "Training." while the run is healthy.
 */
export function trainingAnnouncement(loop: Pick<TrainingLoopControls, 'health'>): string {
  const h = loop.health;
  if (h.verdict === 'healthy') return 'Training.';
  return `Warning, the training is ${TITLE[h.verdict].toLowerCase()}. ${h.fix}`;
}

/** One of several runs compared side by side, with the name the widget gives it. */
export interface NamedRun {
  name: string;
  loop: Pick<TrainingLoopControls, 'health'>;
}

/** For runs compared side by side: each unhealthy run's warning, after its name ("" when all are healthy). */
export function runsHealthText(runs: readonly NamedRun[]): string {
  return runs
    .filter((r) => unhealthy(r.loop))
    .map((r) => `${r.name.charAt(0).toUpperCase()}${r.name.slice(1)}: ${healthText(r.loop.health)}`)
    .join(' ');
}

/** For runs compared side by side: "Training." or each unhealthy run's short warning (no numbers). */
export function runsAnnouncement(runs: readonly NamedRun[]): string {
  const bad = runs.filter((r) => unhealthy(r.loop));
  if (!bad.length) return 'Training.';
  return bad
    .map(
      (r) =>
        `Warning, ${r.name} is ${TITLE[r.loop.health.verdict as keyof typeof TITLE].toLowerCase()}. ${r.loop.health.fix}`,
    )
    .join(' ');
}

/** True when the run's health is a warning (the status line is then marked as bad). */
export function unhealthy(loop: Pick<TrainingLoopControls, 'health'>): boolean {
  return loop.health.verdict !== 'healthy';
}

/** What a training widget says about its run: the stop verdict, the health warning, or what it is doing now. */
export function statusText(loop: Pick<TrainingLoopControls, 'stop' | 'background' | 'status' | 'health'>): string {
  const warning = healthText(loop.health);
  if (loop.stop)
    return loop.stop.kind === 'max-epochs' && warning ? `${warning} ${loop.stop.message}` : loop.stop.message;
  if (loop.background)
    return 'Training without animation (you prefer reduced motion); the result appears when it is done…';
  if (loop.status === 'running') return warning || 'Training…';
  if (loop.status === 'paused') return warning ? `${warning} Paused.` : 'Paused.';
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
