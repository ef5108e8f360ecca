import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { getOrCreateCounter } from '@switchboard/observability';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelayMs } from '../callout/retry-policy';
import { UnprocessableWebhook } from './webhook-handler';
import type { InboundWebhook, RecordedOutcome, WebhookInbox } from './webhook-inbox';
import type { WebhookProcessorOptions } from './webhook-processor.options';
import type { WebhookTouchpoints } from './webhook-touchpoint';

const processed = () =>
  getOrCreateCounter({ name: 'webhooks_processed_total', help: 'Inbound webhook tries by source and outcome (processed, retry, dead)', labelNames: ['source', 'outcome'] });

type Resolved = Required<Omit<WebhookProcessorOptions, 'enabled'>> & { enabled: boolean };

/** How often a replay of a sync delivery looks whether the try holding its row has an outcome. */
const OUTCOME_POLL_MS = 50;

/**
 * Applies stored deliveries through their touchpoint's handler. A try claims a row in one short
 * statement (SKIP LOCKED: replicas share the table without taking the same row) and leases it,
 * runs the handler with no transaction open — one held across it would hold back every event
 * store subscriber of the cluster — then records the outcome in another short statement, guarded
 * by its claim. A try that dies leaves the row to be taken over when its lease ends. A failure is
 * retried with backoff and after `maxAttempts` the row is dead, listed by WebhookInbox.dead().
 */
export class WebhookProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WebhookProcessor');
  private readonly options: Resolved;
  private running = false;
  private workers: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly inbox: WebhookInbox,
    private readonly touchpoints: WebhookTouchpoints,
    options: WebhookProcessorOptions = {},
  ) {
    this.options = {
      pollIntervalMs: 1_000,
      concurrency: 2,
      maxAttempts: 8,
      baseDelayMs: 1_000,
      maxDelayMs: 5 * 60_000,
      syncLeaseMs: 30_000,
      processingLeaseMs: 60_000,
      ...options,
      enabled: options.enabled ?? true,
    };
  }

  get syncLeaseMs(): number {
    return this.options.syncLeaseMs;
  }

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.running = true;
    this.workers = Array.from({ length: this.options.concurrency }, () => this.work());
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    for (const wake of [...this.sleepers]) wake();
    await Promise.all(this.workers);
  }

  /**
   * Lets one idle worker look now: a delivery was just stored, and one claim takes it. Waking
   * them all would send the others to claim nothing; a busy worker looks again when done anyway.
   */
  wake(): void {
    const [first] = this.sleepers;
    first?.();
  }

  /** Processes due rows until none is left; resolves to how many it tried (tests, operators). */
  async drain(): Promise<number> {
    let tried = 0;
    while (await this.processNext()) tried++;
    return tried;
  }

  /**
   * The sync path for a delivery stored before (a replay or a twin request): resolves to its row
   * once it has an outcome, the same answer the request holding it got. While another try holds
   * the row it waits (polling, at most `syncLeaseMs`), never running the handler beside it; it
   * applies the delivery itself when no try holds it (a failed try awaits its retry) or the
   * holder's lease ran out (the holder died).
   */
  async awaitOutcome(seen: InboundWebhook): Promise<InboundWebhook | undefined> {
    const deadline = Date.now() + this.options.syncLeaseMs;
    let row: InboundWebhook | undefined = seen;
    while (row?.status === 'pending') {
      const claimed = await this.inbox.claim(row, this.options.syncLeaseMs);
      if (claimed) return this.applyClaimed(claimed);
      if (Date.now() >= deadline) return row;
      await sleep(OUTCOME_POLL_MS);
      const holder: string | null = row.claimToken;
      row = await this.inbox.find(seen.source, seen.webhookId);
      // The holder recorded a failed try: answer as it was answered (503), rather than try again at once.
      if (holder !== null && row?.status === 'pending' && row.claimToken === null) return row;
    }
    return row;
  }

  private async processNext(): Promise<boolean> {
    const sources = this.touchpoints.sources();
    if (sources.length === 0) return false;
    const claimed = await this.inbox.claimDue(sources, this.options.processingLeaseMs);
    if (!claimed) return false;
    await this.applyClaimed(claimed);
    return true;
  }

  /**
   * One try of a row its caller has claimed (a worker, or the sync request that stored it): the
   * handler outside any transaction, then the outcome under the claim. Resolves to the row as it
   * stands afterwards.
   */
  async applyClaimed(claimed: InboundWebhook): Promise<InboundWebhook | undefined> {
    const touchpoint = this.touchpoints.get(claimed.source);
    if (!touchpoint) throw new Error(`no webhook touchpoint for source ${claimed.source}`);
    const attempt = claimed.attempts + 1;
    const line = `webhook ${claimed.source}/${claimed.webhookId} try ${attempt}`;
    const webhook = { id: claimed.webhookId, source: claimed.source, sentAt: claimed.sentAt, receivedAt: claimed.receivedAt, payload: claimed.payload, attempt };
    if (claimed.attempts >= this.options.maxAttempts) {
      // Every try died holding it (the delivery may be what kills them): not one more.
      processed().inc({ source: claimed.source, outcome: 'dead' });
      this.logger.error(`webhook ${claimed.source}/${claimed.webhookId}: ${claimed.attempts} tries ended without an outcome; dead, see WebhookInbox.dead()`);
      const outcome = await this.inbox.markFailed(claimed, { error: claimed.lastError ?? 'tries ended without an outcome', dead: true, retryInMs: 0 });
      return outcome.webhook;
    }
    // Caught apart from the recording below: a failure to record is not the handler's failure.
    const tried = await Promise.resolve()
      .then(() => touchpoint.handler.handle(webhook))
      .then((result) => ({ ok: true as const, result }), (error: unknown) => ({ ok: false as const, error }));
    let outcome: RecordedOutcome;
    if (tried.ok) {
      processed().inc({ source: claimed.source, outcome: 'processed' });
      outcome = await this.inbox.markProcessed(claimed, tried.result);
    } else {
      const unprocessable = tried.error instanceof UnprocessableWebhook;
      const dead = unprocessable || attempt >= this.options.maxAttempts;
      const message = tried.error instanceof Error ? tried.error.message : String(tried.error);
      processed().inc({ source: claimed.source, outcome: dead ? 'dead' : 'retry' });
      if (dead) this.logger.error(`${line} failed: ${message}; dead, see WebhookInbox.dead()`);
      else this.logger.warn(`${line} failed: ${message}`);
      outcome = await this.inbox.markFailed(claimed, {
        error: message,
        dead,
        retryInMs: dead ? 0 : backoffDelayMs(attempt, this.options),
        result: unprocessable ? { reason: message } : undefined,
      });
    }
    if (!outcome.recorded) this.logger.warn(`${line} outlived its lease and the row was taken over: its outcome is not recorded`);
    return outcome.webhook;
  }

  private async work(): Promise<void> {
    while (this.running) {
      let found = false;
      try {
        found = await this.processNext();
      } catch (error) {
        this.logger.error(`webhook processing failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!found && this.running) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            this.sleepers.delete(done);
            resolve();
          };
          const timer = setTimeout(done, this.options.pollIntervalMs);
          this.sleepers.add(done);
        });
      }
    }
  }
}
