import type { JsMsg } from 'nats';

/**
 * Acks settled in one turn of the event loop go to the server together. nats.js writes its
 * outbound buffer once per microtask checkpoint, so handlers finishing one after another (each
 * woken by its own database answer) would send one write, and wake the server once, per ack; under
 * load this sends them in one. An ack waits at most until the end of the current turn.
 */
export class AckBatch {
  private pending: JsMsg[] = [];
  private scheduled = false;

  ack(msg: JsMsg): void {
    this.pending.push(msg);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Sends every ack still waiting (also before the loop stops). */
  flush(): void {
    this.scheduled = false;
    const pending = this.pending;
    this.pending = [];
    for (const msg of pending) msg.ack();
  }
}
