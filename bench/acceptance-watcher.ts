// Watches the CRM 360 views (GET /customers/{id}) for orders to show `accepted`, for the flow bench.
import { performance } from 'node:perf_hooks';
import type { KeepAliveClient } from './http-load';

export type Outcome = { readonly ok: true; readonly latencyMs: number } | { readonly ok: false; readonly reason: string };

interface Watched {
  readonly startedAt: number;
  readonly deadline: number;
  readonly settle: (outcome: Outcome) => void;
}

interface ViewOrder {
  readonly id: string;
  readonly status: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One poll loop per customer with orders pending: GET its 360 view, settle the orders it shows
 * accepted, wait `intervalMs`, again, until none is pending. An order counts as accepted when the
 * answer showing it arrived, so a latency is late by at most one interval plus one GET: the
 * observation resolution, reported beside the figures. Polling only customers with orders in
 * flight keeps the request rate (and the CRM's work for it) proportional to what is in flight.
 *
 * All loops together poll at most `maxPollsPerSecond`: with a backlog, more customers have orders
 * in flight, and polling each every `intervalMs` fed the CRM (the machine's busiest consumer) up to
 * 220 polls/s of 100-order views, which deepened the backlog it was measuring until a run
 * collapsed. With the budget, each loop waits `intervalMs` or its share of the budget, whichever
 * is longer: an observer's load stays bounded, as a real watcher's does.
 */
export class AcceptanceWatcher {
  private readonly pending = new Map<string, Map<string, Watched>>();
  /** GET round trips of the polls, in ms. */
  readonly pollRoundTripsMs: number[] = [];
  pollFailures = 0;

  constructor(
    private readonly client: KeepAliveClient,
    private readonly crmApi: string,
    private readonly options: { intervalMs: number; deadlineMs: number; maxPollsPerSecond: number },
  ) {}

  /** The wait between two polls of one customer's view now: the interval, or its share of the budget. */
  get pollIntervalMs(): number {
    return Math.max(this.options.intervalMs, (this.pending.size * 1_000) / this.options.maxPollsPerSecond);
  }

  get polls(): number {
    return this.pollRoundTripsMs.length;
  }

  /** Settles with the time from `startedAt` (performance.now()) until the view showed the order accepted. */
  watch(customerId: string, orderId: string, startedAt: number): Promise<Outcome> {
    return new Promise((settle) => {
      const watched = { startedAt, deadline: startedAt + this.options.deadlineMs, settle };
      const orders = this.pending.get(customerId);
      if (orders) orders.set(orderId, watched);
      else {
        const first = new Map([[orderId, watched]]);
        this.pending.set(customerId, first);
        void this.poll(customerId, first);
      }
    });
  }

  private async poll(customerId: string, orders: Map<string, Watched>): Promise<void> {
    while (orders.size > 0) {
      const sent = performance.now();
      const shown = await this.view(customerId);
      const seen = performance.now();
      this.pollRoundTripsMs.push(seen - sent);
      for (const { id, status } of shown) {
        const watched = orders.get(id);
        if (!watched || status === 'placed') continue;
        orders.delete(id);
        watched.settle(status === 'accepted' ? { ok: true, latencyMs: seen - watched.startedAt } : { ok: false, reason: `order ${status}` });
      }
      for (const [id, watched] of orders) {
        if (seen < watched.deadline) continue;
        orders.delete(id);
        watched.settle({ ok: false, reason: `not accepted in the 360 view within ${this.options.deadlineMs} ms` });
      }
      if (orders.size > 0) await sleep(this.pollIntervalMs);
    }
    // Nothing ran between the emptiness check and here: the next watch() starts a new loop.
    this.pending.delete(customerId);
  }

  private async view(customerId: string): Promise<readonly ViewOrder[]> {
    try {
      const answer = await this.client.send('GET', `${this.crmApi}/customers/${customerId}`);
      if (answer.status === 200) return (JSON.parse(answer.body) as { orders: ViewOrder[] }).orders;
    } catch {
      // Counted below; the next poll tries again.
    }
    this.pollFailures++;
    return [];
  }
}
