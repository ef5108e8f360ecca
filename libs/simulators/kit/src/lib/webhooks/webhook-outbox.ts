import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SimulatorConfig } from '../config/simulator.config';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { webhookBody, type WebhookMessage } from './webhook-message';

/** Records a webhook message for every receiver, inside the caller's transaction. */
export type PublishWebhook = (message: WebhookMessage) => Promise<void>;

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
        await this.enqueue(manager, message);
        published = true;
      }),
    );
    if (published) this.worker.wake();
    return result;
  }

  private async enqueue(manager: EntityManager, message: WebhookMessage): Promise<void> {
    const body = webhookBody(message);
    // One row per receiver known at commit time: configured URLs, then runtime subscriptions.
    await manager.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_type, body, url, subscription_id, status)
       SELECT $1, $2, $3, url, NULL, 'pending' FROM unnest($4::text[]) AS configured(url)
       UNION ALL
       SELECT $1, $2, $3, url, id, 'pending' FROM webhook_subscriptions
       ON CONFLICT (webhook_id, url) DO NOTHING`,
      [message.id, message.type, body, this.config.webhookUrls()],
    );
  }
}
