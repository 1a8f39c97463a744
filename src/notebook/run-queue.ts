/**
 * Cells run one after another, in the order they were asked for, across clicks: "Run all" then
 * "Run" on one cell runs that cell after the others. A list stops at its first failure, and when
 * the runner restarted since it was queued (the scope it was counting on is gone).
 */
export interface QueueSteps<C> {
  /** Runs one item; resolves true when it succeeded. */
  run(item: C): Promise<boolean>;
  /** Changes when the runner restarts. */
  generation(): number;
  /** The items of a list that will not run: after `failed`, or (null) after a restart. */
  skipped(rest: C[], failed: C | null): void;
}

export class RunQueue<C> {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly steps: QueueSteps<C>) {}

  enqueue(list: readonly C[]): Promise<void> {
    const gen = this.steps.generation();
    this.tail = this.tail.then(async () => {
      for (const [i, item] of list.entries()) {
        if (gen !== this.steps.generation()) return this.steps.skipped(list.slice(i), null);
        if (!(await this.steps.run(item))) return this.steps.skipped(list.slice(i + 1), item);
      }
    });
    return this.tail;
  }
}
