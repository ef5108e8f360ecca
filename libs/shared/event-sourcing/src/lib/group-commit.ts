export interface GroupCommitOptions<Item, Result> {
  /** Items of one key never share a group: a later one waits for the next group, in order. */
  key(item: Item): string;
  /** Items per group at most. */
  maxSize: number;
  /** Commits a group; one outcome per item, in order (a throw fails every item of the group). */
  commit(group: readonly Item[]): Promise<readonly PromiseSettledResult<Result>[]>;
}

interface Waiting<Item, Result> {
  readonly item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the first item goes at once; items submitted while a group is being committed
 * wait and go together in the next one. Under load a round trip, a transaction and a WAL flush
 * are shared by the group, so the cost per item falls as the load rises; an idle caller waits for
 * nobody. One group is in flight at a time.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: Waiting<Item, Result>[] = [];
  private committing = false;

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {}

  /** Resolves with the item's own outcome once its group committed. */
  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.committing) return;
      this.committing = true;
      // After the current task, so items submitted in one go share the first group.
      queueMicrotask(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const group = this.take();
        let outcomes: readonly PromiseSettledResult<Result>[];
        try {
          outcomes = await this.options.commit(group.map((waiting) => waiting.item));
        } catch (error) {
          outcomes = group.map(() => ({ status: 'rejected', reason: error }));
        }
        group.forEach((waiting, i) => {
          const outcome = outcomes[i];
          if (outcome?.status === 'fulfilled') waiting.resolve(outcome.value);
          else waiting.reject(outcome ? outcome.reason : new Error('group commit gave no outcome for an item'));
        });
      }
    } finally {
      this.committing = false;
    }
  }

  /** The first waiting item of each key, up to maxSize; the others keep their order. */
  private take(): Waiting<Item, Result>[] {
    const group: Waiting<Item, Result>[] = [];
    const rest: Waiting<Item, Result>[] = [];
    const keys = new Set<string>();
    for (const waiting of this.waiting) {
      const key = this.options.key(waiting.item);
      if (group.length < this.options.maxSize && !keys.has(key)) group.push(waiting);
      else rest.push(waiting);
      keys.add(key);
    }
    this.waiting.splice(0, this.waiting.length, ...rest);
    return group;
  }
}

/** A promise's outcome as Promise.allSettled reports it: for a commit's per-item outcomes. */
export function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}
