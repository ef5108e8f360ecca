import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { getOrCreateCounter } from '@switchboard/observability';
import type { DataSource, EntityManager } from 'typeorm';
import { backoffDelayMs } from '../callout/retry-policy';
import { UnprocessableWebhook } from './webhook-handler';
import type { InboundWebhook, WebhookInbox } from './webhook-inbox';
import type { WebhookProcessorOptions } from './webhook-processor.options';
import type { WebhookTouchpoints } from './webhook-touchpoint';

const processed = () =>
  getOrCreateCounter({ name: 'webhooks_processed_total', help: 'Inbound webhook tries by source and outcome (processed, retry, dead)', labelNames: ['source', 'outcome'] });

type Resolved = Required<Omit<WebhookProcessorOptions, 'enabled'>> & { enabled: boolean };

/**
 * Applies stored deliveries through their touchpoint's handler: background workers claim due
 * rows with FOR UPDATE SKIP LOCKED (replicas share the table without taking the same row), each
 * in its own transaction with the handler's writes; a failure is retried with backoff and after
 * `maxAttempts` the row is dead, listed by WebhookInbox.dead() for operators.
 */
export class WebhookProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WebhookProcessor');
  private readonly options: Resolved;
  private running = false;
  private workers: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly dataSource: DataSource,
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
    this.wake();
    await Promise.all(this.workers);
  }

  /** Lets idle workers look now (a delivery was just stored). */
  wake(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  /** Processes due rows until none is left; resolves to how many it tried (tests, operators). */
  async drain(): Promise<number> {
    let tried = 0;
    while (await this.processNext()) tried++;
    return tried;
  }

  /**
   * The sync path: processes this delivery now unless someone else did (waiting for a worker
   * or twin request that holds it) and resolves to its row as it stands afterwards.
   */
  async processNow(source: string, id: string): Promise<InboundWebhook | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.inbox.lock(manager, source, id);
      return webhook?.status === 'pending' ? this.apply(manager, webhook) : webhook;
    });
  }

  private async processNext(): Promise<boolean> {
    const sources = this.touchpoints.sources();
    if (sources.length === 0) return false;
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.inbox.claimDue(manager, sources);
      if (!webhook) return false;
      await this.apply(manager, webhook);
      return true;
    });
  }

  private async apply(manager: EntityManager, webhook: InboundWebhook): Promise<InboundWebhook> {
    const touchpoint = this.touchpoints.get(webhook.source);
    if (!touchpoint) throw new Error(`no webhook touchpoint for source ${webhook.source}`);
    const attempt = webhook.attempts + 1;
    try {
      // A savepoint: a failing handler's writes roll back, the failure itself is still recorded.
      const result = await manager.transaction((inner) =>
        touchpoint.handler.handle(
          { id: webhook.webhookId, source: webhook.source, sentAt: webhook.sentAt, receivedAt: webhook.receivedAt, payload: webhook.payload, attempt },
          { manager: inner },
        ),
      );
      processed().inc({ source: webhook.source, outcome: 'processed' });
      return await this.inbox.markProcessed(manager, webhook, result);
    } catch (error) {
      const unprocessable = error instanceof UnprocessableWebhook;
      const dead = unprocessable || attempt >= this.options.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      processed().inc({ source: webhook.source, outcome: dead ? 'dead' : 'retry' });
      const line = `webhook ${webhook.source}/${webhook.webhookId} try ${attempt} failed: ${message}`;
      if (dead) this.logger.error(`${line}; dead, see WebhookInbox.dead()`);
      else this.logger.warn(line);
      return this.inbox.markFailed(manager, webhook, {
        error: message,
        dead,
        retryInMs: dead ? 0 : backoffDelayMs(attempt, this.options),
        result: unprocessable ? { reason: message } : undefined,
      });
    }
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
