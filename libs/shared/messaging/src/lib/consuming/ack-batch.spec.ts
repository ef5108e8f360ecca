import type { JsMsg } from 'nats';
import { AckBatch } from './ack-batch';

/** Just enough of a message to record when it was acked. */
const message = (acked: string[], name: string) => ({ ack: () => acked.push(name) }) as unknown as JsMsg;

describe('AckBatch', () => {
  it('sends the acks of one turn together once the turn ends', async () => {
    const acked: string[] = [];
    const acks = new AckBatch();

    acks.ack(message(acked, 'a'));
    await Promise.resolve(); // a microtask checkpoint: nats.js would have written here
    acks.ack(message(acked, 'b'));
    expect(acked).toEqual([]);

    await new Promise((resolve) => setImmediate(resolve));
    expect(acked).toEqual(['a', 'b']);
  });

  it('sends what waits at once on flush, and nothing twice', async () => {
    const acked: string[] = [];
    const acks = new AckBatch();
    acks.ack(message(acked, 'a'));

    acks.flush();
    expect(acked).toEqual(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(acked).toEqual(['a']);
  });
});
