/** Something to run in order with the other items of its key; `seq` orders a key's items. */
export interface LaneItem {
  readonly key: string;
  readonly seq: number;
}

/**
 * Returned by a run that handed its item back for a later retry: the key's later items wait
 * until the item with `seq` is pushed again, or until `expiresAt` (the retry went elsewhere).
 */
export interface LaneHold {
  readonly seq: number;
  /** When the retry is due (epoch ms). */
  readonly dueAt: number;
  /** When to stop waiting for it (epoch ms). */
  readonly expiresAt: number;
}

interface Lane<T> {
  readonly key: string;
  /** Waiting items, ascending by seq. */
  readonly queue: T[];
  current?: T;
  hold?: LaneHold;
  ready: boolean;
}

export interface KeyedLanesOptions<T> {
  /** Items run at the same time, across different keys (>= 1). */
  concurrency: number;
  /** Runs one item; resolves with a hold when the item was handed back for a retry. */
  run: (item: T) => Promise<LaneHold | void>;
  /** A run that threw (runs are expected to settle their items themselves). */
  onError: (error: unknown, item: T) => void;
}

/**
 * Per-key FIFO lanes with bounded concurrency: items of different keys run concurrently (at
 * most `concurrency` at a time), items of one key one at a time in `seq` order. Lanes take turns
 * (a busy key does not starve the others). A run that returns a {@link LaneHold} blocks its key
 * until the held item comes back, so a retried item is never overtaken by later ones of its key.
 */
export class KeyedLanes<T extends LaneItem> {
  private readonly lanes = new Map<string, Lane<T>>();
  private readonly ready: Lane<T>[] = [];
  private running = 0;
  private handBack?: (item: T, hold: LaneHold | undefined) => void;
  private idle?: { promise: Promise<void>; resolve: () => void };

  constructor(private readonly options: KeyedLanesOptions<T>) {
    if (!(options.concurrency >= 1)) throw new Error(`concurrency must be >= 1, got ${options.concurrency}`);
  }

  /** Items waiting or running. */
  get size(): number {
    let size = 0;
    for (const lane of this.lanes.values()) size += lane.queue.length + (lane.current ? 1 : 0);
    return size;
  }

  /** Every item waiting or running (to keep their leases alive). */
  *items(): Iterable<T> {
    for (const lane of this.lanes.values()) {
      if (lane.current) yield lane.current;
      yield* lane.queue;
    }
  }

  push(item: T): void {
    const lane = this.lanes.get(item.key) ?? this.createLane(item.key);
    insertBySeq(lane.queue, item);
    if (lane.hold && item.seq === lane.hold.seq) lane.hold = undefined;
    if (this.handBack) return this.handBackWaiting(lane);
    this.schedule(lane);
    this.pump();
  }

  /** Lifts holds whose retry did not come back in time (it went to another consumer, or was dropped). */
  releaseExpired(now = Date.now()): void {
    for (const lane of this.lanes.values()) {
      if (lane.hold && lane.hold.expiresAt <= now) {
        lane.hold = undefined;
        this.schedule(lane);
        this.forgetIfEmpty(lane);
      }
    }
    this.pump();
  }

  /**
   * Starts nothing more: waiting items are handed back at once, except those behind a running
   * item, which are handed back once it finished. Resolves when no item runs any more; items
   * pushed afterwards are handed back on the spot.
   */
  stop(handBack: (item: T, hold: LaneHold | undefined) => void): Promise<void> {
    this.handBack = handBack;
    this.ready.length = 0;
    for (const lane of this.lanes.values()) {
      lane.ready = false;
      this.handBackWaiting(lane);
    }
    return this.whenIdle();
  }

  private createLane(key: string): Lane<T> {
    const lane: Lane<T> = { key, queue: [], ready: false };
    this.lanes.set(key, lane);
    return lane;
  }

  private schedule(lane: Lane<T>): void {
    if (lane.ready || lane.current || lane.hold || lane.queue.length === 0) return;
    lane.ready = true;
    this.ready.push(lane);
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.ready.length > 0) {
      const lane = this.ready.shift() as Lane<T>;
      lane.ready = false;
      void this.runNext(lane);
    }
  }

  private async runNext(lane: Lane<T>): Promise<void> {
    const item = lane.queue.shift() as T;
    lane.current = item;
    this.running++;
    try {
      const hold = await this.options.run(item);
      if (hold) lane.hold = hold;
    } catch (error) {
      this.options.onError(error, item);
    } finally {
      lane.current = undefined;
      this.running--;
    }
    if (this.handBack) this.handBackWaiting(lane);
    else this.schedule(lane);
    this.forgetIfEmpty(lane);
    this.pump();
    if (this.running === 0 && this.idle) {
      this.idle.resolve();
      this.idle = undefined;
    }
  }

  private handBackWaiting(lane: Lane<T>): void {
    if (lane.current || !this.handBack) return;
    for (const item of lane.queue.splice(0)) this.handBack(item, lane.hold);
    this.forgetIfEmpty(lane);
  }

  private forgetIfEmpty(lane: Lane<T>): void {
    if (!lane.current && !lane.hold && lane.queue.length === 0) this.lanes.delete(lane.key);
  }

  private whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    if (!this.idle) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.idle = { promise, resolve };
    }
    return this.idle.promise;
  }
}

/** Keeps `queue` ascending by seq; a redelivery of a waiting seq replaces it (its lease is the live one). */
function insertBySeq<T extends LaneItem>(queue: T[], item: T): void {
  let index = queue.length;
  while (index > 0 && queue[index - 1].seq > item.seq) index--;
  if (index > 0 && queue[index - 1].seq === item.seq) queue[index - 1] = item;
  else queue.splice(index, 0, item);
}
