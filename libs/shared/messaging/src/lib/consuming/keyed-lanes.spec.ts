import { KeyedLanes, type LaneHold, type LaneItem } from './keyed-lanes';

interface Item extends LaneItem {
  readonly name: string;
}

const item = (key: string, seq: number): Item => ({ key, seq, name: `${key}${seq}` });

/** Runs items only when the test releases them, recording starts and ends. */
class Harness {
  readonly started: string[] = [];
  readonly finished: string[] = [];
  readonly handedBack: { name: string; hold?: LaneHold }[] = [];
  private readonly pending = new Map<string, (hold?: LaneHold) => void>();
  readonly lanes: KeyedLanes<Item>;

  constructor(concurrency: number) {
    this.lanes = new KeyedLanes<Item>({
      concurrency,
      run: (it) =>
        new Promise<LaneHold | void>((resolve) => {
          this.started.push(it.name);
          this.pending.set(it.name, (hold) => {
            this.finished.push(it.name);
            resolve(hold);
          });
        }),
      onError: () => undefined,
    });
  }

  running(): string[] {
    return [...this.pending.keys()];
  }

  async finish(name: string, hold?: LaneHold): Promise<void> {
    const resolve = this.pending.get(name);
    if (!resolve) throw new Error(`${name} is not running (running: ${this.running().join(', ')})`);
    this.pending.delete(name);
    resolve(hold);
    await new Promise((r) => setImmediate(r));
  }

  stop(): Promise<void> {
    return this.lanes.stop((it, hold) => this.handedBack.push({ name: it.name, hold }));
  }
}

describe('KeyedLanes', () => {
  it('runs items of different keys concurrently, up to the concurrency', () => {
    const h = new Harness(2);
    for (const it of [item('a', 1), item('b', 2), item('c', 3)]) h.lanes.push(it);

    expect(h.running()).toEqual(['a1', 'b2']);
    expect(h.lanes.size).toBe(3);
  });

  it('runs the items of one key one at a time, in seq order, even when pushed out of order', async () => {
    const h = new Harness(4);
    h.lanes.push(item('a', 1));
    h.lanes.push(item('a', 3));
    h.lanes.push(item('a', 2));

    expect(h.running()).toEqual(['a1']);
    await h.finish('a1');
    expect(h.running()).toEqual(['a2']);
    await h.finish('a2');
    await h.finish('a3');
    expect(h.finished).toEqual(['a1', 'a2', 'a3']);
  });

  it('lets lanes take turns so a busy key does not starve the others', async () => {
    const h = new Harness(1);
    for (const it of [item('a', 1), item('a', 2), item('a', 3), item('b', 4)]) h.lanes.push(it);

    await h.finish('a1');
    expect(h.running()).toEqual(['b4']);
    await h.finish('b4');
    await h.finish('a2');
    await h.finish('a3');
    expect(h.started).toEqual(['a1', 'b4', 'a2', 'a3']);
  });

  it('holds a key after a hand-back until the held item comes back, while other keys go on', async () => {
    const h = new Harness(2);
    for (const it of [item('a', 1), item('a', 2), item('b', 3)]) h.lanes.push(it);
    const hold = { seq: 1, dueAt: Date.now() + 1_000, expiresAt: Date.now() + 60_000 };

    await h.finish('a1', hold);
    await h.finish('b3');
    h.lanes.push(item('a', 5));
    expect(h.running()).toEqual([]);

    h.lanes.push(item('a', 1));
    expect(h.running()).toEqual(['a1']);
    await h.finish('a1');
    await h.finish('a2');
    await h.finish('a5');
    expect(h.started).toEqual(['a1', 'b3', 'a1', 'a2', 'a5']);
  });

  it('lifts a hold whose item did not come back before it expired', async () => {
    const h = new Harness(1);
    h.lanes.push(item('a', 1));
    h.lanes.push(item('a', 2));
    await h.finish('a1', { seq: 1, dueAt: 1_000, expiresAt: 2_000 });

    h.lanes.releaseExpired(1_999);
    expect(h.running()).toEqual([]);
    h.lanes.releaseExpired(2_000);
    expect(h.running()).toEqual(['a2']);
  });

  it('on stop hands back waiting items at once, those behind a running item after it, and resolves when nothing runs', async () => {
    const h = new Harness(1);
    for (const it of [item('a', 1), item('a', 2), item('b', 3)]) h.lanes.push(it);

    let stopped = false;
    const stopping = h.stop().then(() => (stopped = true));
    expect(h.handedBack.map((b) => b.name)).toEqual(['b3']);
    await h.finish('a1');
    await stopping;

    expect(stopped).toBe(true);
    expect(h.handedBack.map((b) => b.name)).toEqual(['b3', 'a2']);
    h.lanes.push(item('c', 4));
    expect(h.handedBack.map((b) => b.name)).toEqual(['b3', 'a2', 'c4']);
    expect(h.started).toEqual(['a1']);
  });

  it('hands back the items of a held key with the hold, so they are not retried before the held one', async () => {
    const h = new Harness(1);
    h.lanes.push(item('a', 1));
    h.lanes.push(item('a', 2));
    const hold = { seq: 1, dueAt: 5_000, expiresAt: 9_000 };
    await h.finish('a1', hold);

    await h.stop();

    expect(h.handedBack).toEqual([{ name: 'a2', hold }]);
  });

  it('keeps going after a run that threw', async () => {
    const errors: unknown[] = [];
    const ran: string[] = [];
    const lanes = new KeyedLanes<Item>({
      concurrency: 1,
      run: async (it) => {
        ran.push(it.name);
        if (it.seq === 1) throw new Error('boom');
      },
      onError: (error) => errors.push(error),
    });

    lanes.push(item('a', 1));
    lanes.push(item('a', 2));
    await new Promise((r) => setImmediate(r));

    expect(ran).toEqual(['a1', 'a2']);
    expect(errors).toHaveLength(1);
    expect(lanes.size).toBe(0);
  });
});
