import { AppendSignal } from './append-signal';
import type { Position, ReadAllOptions, RecordedEvent } from './event-store.port';
import { PollingSubscription } from './polling-subscription';

const at = (commit: number): Position => ({ commit: BigInt(commit), prepare: BigInt(commit) });
const eventAt = (position: Position) => ({ position }) as RecordedEvent;

describe('PollingSubscription', () => {
  it('reads again soon, not after the poll interval, when a read did not reach what this process appended', async () => {
    // Given a store that holds the appended event back from the first read after the append
    // (a transaction elsewhere still open), and a poll interval far longer than the test
    const signal = new AppendSignal();
    const stored: RecordedEvent[] = [];
    let heldBack = true;
    const readPage = async ({ after }: ReadAllOptions) => {
      const visible = stored.filter((e) => !heldBack && (!after || e.position.commit > after.commit));
      heldBack = false;
      return visible;
    };
    const subscription = new PollingSubscription({ readPage, signal, pageSize: 10, pollIntervalMs: 60_000 });
    const events = subscription[Symbol.asyncIterator]();
    const next = events.next();
    await new Promise((resolve) => setTimeout(resolve, 20));

    // When this process appends and wakes the subscription
    heldBack = true;
    stored.push(eventAt(at(1)));
    const woken = Date.now();
    signal.notify(at(1));

    // Then it has the event within milliseconds
    await expect(next).resolves.toEqual({ done: false, value: eventAt(at(1)) });
    expect(Date.now() - woken).toBeLessThan(1_000);
    await subscription.close();
  });
});
