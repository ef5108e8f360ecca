import { pollUntil, type PollOptions } from './poll-until';

/** One thing that became visible after a step's action. */
export interface TimelineEntry {
  readonly step: string;
  readonly visible: string;
  /** From the start of the step's action to the moment it was seen. */
  readonly latencyMs: number;
  /** From the start of the scenario to the moment it was seen. */
  readonly elapsedMs: number;
  /** The ids that became known with it, e.g. `{ 'ERP customer': 'C-10001' }`. */
  readonly ids: Readonly<Record<string, string>>;
}

export type StepReporter = (entry: TimelineEntry) => void;

/** Timed steps: an action, then what it makes visible, each observation timed from the action. */
export class Timeline {
  readonly entries: TimelineEntry[] = [];
  private readonly startedAt = performance.now();

  constructor(
    private readonly reporter: StepReporter,
    private readonly poll: PollOptions,
  ) {}

  /** Runs `action`; await what it makes visible with `see` on the returned step. */
  async act<A>(step: string, action: () => Promise<A>): Promise<Step<A>> {
    const actedAt = performance.now();
    return new Step(await action(), (visible, probe, ids) =>
      this.observe(step, actedAt, visible, probe, ids),
    );
  }

  get elapsedMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }

  private async observe<T>(
    step: string,
    actedAt: number,
    visible: string,
    probe: () => Promise<T | undefined>,
    ids: (seen: T) => Record<string, string>,
  ): Promise<T> {
    const seen = await pollUntil(probe, `${visible} (step "${step}")`, this.poll);
    const entry: TimelineEntry = {
      step,
      visible,
      latencyMs: Math.round(performance.now() - actedAt),
      elapsedMs: this.elapsedMs,
      ids: ids(seen),
    };
    this.entries.push(entry);
    this.reporter(entry);
    return seen;
  }
}

type Observe = <T>(
  visible: string,
  probe: () => Promise<T | undefined>,
  ids: (seen: T) => Record<string, string>,
) => Promise<T>;

/** A step whose action has run: `answer` is what the action returned. */
export class Step<A> {
  constructor(
    readonly answer: A,
    private readonly observe: Observe,
  ) {}

  /**
   * Polls `probe` until it returns a value (undefined: not visible yet; a throw ends the demo) and
   * records it on the timeline with the ids it reveals. Observations of one step may run at once.
   */
  see<T>(
    visible: string,
    probe: () => Promise<T | undefined>,
    ids: (seen: T) => Record<string, string> = () => ({}),
  ): Promise<T> {
    return this.observe(visible, probe, ids);
  }
}
