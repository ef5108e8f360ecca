import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SimulatorConfig } from '../config/simulator.config';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { webhookBody, type WebhookMessage } from './webhook-message';

/** Records a webhook message for every receiver, inside the caller's transaction. */
export type PublishWebhook = (message: WebhookMessage) => Promise<void>;

/**
 * SQL that enqueues one delivery per receiver known at commit time (configured URLs, then runtime
 * subscriptions) that takes the message's type, for every row of `messages`, a FROM item with
 * columns webhook_id, event_type and body; `urls` and `eventTypes` are the placeholders of the
 * configured URLs (text[]) and the types they take (text[], NULL for every type): see
 * WebhookOutbox.configuredUrls and configuredEventTypes. Usable as a data-modifying CTE, so a
 * change and its webhooks can commit in one statement; it returns the id of every delivery
 * enqueued, so the caller wakes the worker only when there is something to send.
 */
export function enqueueWebhooksSql(messages: string, urls: string, eventTypes: string): string {
  return `INSERT INTO webhook_deliveries (webhook_id, event_type, body, url, subscription_id, status)
    SELECT m.webhook_id, m.event_type, m.body, r.url, r.subscription_id, 'pending'
    FROM ${messages} CROSS JOIN (
      SELECT url, NULL::uuid AS subscription_id, ${eventTypes}::text[] AS event_types FROM unnest(${urls}::text[]) AS configured(url)
      UNION ALL
      SELECT url, id, event_types FROM webhook_subscriptions) AS r
    WHERE r.event_types IS NULL OR m.event_type = ANY (r.event_types)
    ON CONFLICT (webhook_id, url) DO NOTHING
    RETURNING id`;
}

/**
 * The transactional outbox of a simulator's webhooks: a state change and its webhook rows commit
 * together, so a crash never loses a webhook nor sends one for a change that rolled back.
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: SimulatorConfig,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  /** Runs `work` in one transaction with a `publish` that writes to the outbox; wakes the delivery worker after the commit. */
  async transaction<T>(work: (manager: EntityManager, publish: PublishWebhook) => Promise<T>): Promise<T> {
    let published = false;
    const result = await this.dataSource.transaction(async (manager) =>
      work(manager, async (message) => {
        if (await this.enqueue(manager, message)) published = true;
      }),
    );
    if (published) this.worker.wake();
    return result;
  }

  /** The receivers configured by WEBHOOK_URLS: the `urls` parameter of enqueueWebhooksSql. */
  configuredUrls(): string[] {
    return this.config.webhookUrls();
  }

  /** The types they take (WEBHOOK_EVENT_TYPES; null for every type): the `eventTypes` parameter of enqueueWebhooksSql. */
  configuredEventTypes(): string[] | null {
    return this.config.webhookEventTypes();
  }

  /**
   * After a statement built with enqueueWebhooksSql committed: sends what it enqueued now instead
   * of at the next poll. `enqueued` is how many deliveries it returned; with none (no receiver
   * takes the type) the worker is not woken for a query that would find nothing.
   */
  published(enqueued: number): void {
    if (enqueued > 0) this.worker.wake();
  }

  /** True when a delivery was enqueued (some receiver takes the type). */
  private async enqueue(manager: EntityManager, message: WebhookMessage): Promise<boolean> {
    const enqueued: unknown[] = await manager.query(enqueueWebhooksSql('(VALUES ($1, $2, $3)) AS m(webhook_id, event_type, body)', '$4', '$5'), [
      message.id,
      message.type,
      webhookBody(message),
      this.configuredUrls(),
      this.configuredEventTypes(),
    ]);
    return enqueued.length > 0;
  }
}
