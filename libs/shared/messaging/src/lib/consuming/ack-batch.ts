import type { JsMsg } from 'nats';

/** How long an ack waits for others to go with it (see AckBatch). */
export const ACK_LINGER_MS = 20;

/**
 * Acks settled within ACK_LINGER_MS go to the server together. nats.js writes its outbound buffer
 * once per microtask checkpoint, so handlers finishing one after another (each woken by its own
 * database answer) would send one write, and wake the server once, per ack. An ack is not on any
 * message's way (the effect is committed before it), so it can wait: at 100 orders/s the four
 * consumers on the order's path settle about 400 messages a second, and the NATS server woke
 * about 50 times per order. The wait costs nothing but a redelivery after a crash, which the
 * inbox answers as a duplicate, and ACK_LINGER_MS of the consumer's max ack pending.
 */
export class AckBatch {
  private pending: JsMsg[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly lingerMs = ACK_LINGER_MS) {}

  ack(msg: JsMsg): void {
    this.pending.push(msg);
    this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
  }

  /** Sends every ack still waiting (also before the loop stops). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = [];
    for (const msg of pending) msg.ack();
  }
}
