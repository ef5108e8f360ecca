import type { JsMsg } from 'nats';
import { setTimeout as sleep } from 'node:timers/promises';
import { AckBatch } from './ack-batch';

/** Just enough of a message to record when it was acked. */
const message = (acked: string[], name: string) => ({ ack: () => acked.push(name) }) as unknown as JsMsg;

describe('AckBatch', () => {
  it('sends the acks settled within the linger together once it is over', async () => {
    const acked: string[] = [];
    const acks = new AckBatch(30);

    acks.ack(message(acked, 'a'));
    await new Promise((resolve) => setImmediate(resolve)); // another turn: nats.js would have written
    acks.ack(message(acked, 'b'));
    expect(acked).toEqual([]);

    await sleep(60);
    expect(acked).toEqual(['a', 'b']);
  });

  it('starts a new linger with the next ack after a flush', async () => {
    const acked: string[] = [];
    const acks = new AckBatch(30);
    acks.ack(message(acked, 'a'));
    await sleep(60);

    acks.ack(message(acked, 'b'));
    expect(acked).toEqual(['a']);
    await sleep(60);
    expect(acked).toEqual(['a', 'b']);
  });

  it('sends what waits at once on flush, and nothing twice', async () => {
    const acked: string[] = [];
    const acks = new AckBatch(30);
    acks.ack(message(acked, 'a'));

    acks.flush();
    expect(acked).toEqual(['a']);
    await sleep(60);
    expect(acked).toEqual(['a']);
  });
});
