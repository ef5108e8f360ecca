import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One message to one receiver: the outbox row, written in the transaction of the change it
 * reports, then worked off by the delivery worker until a 2xx or the attempts run out.
 */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDelivery {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** The `webhook-id` header: the same on every attempt and for every receiver of the message. */
  @Column({ name: 'webhook_id', type: 'text' })
  webhookId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  /** The exact JSON body sent (and signed) on every attempt. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  url!: string;

  /** Null for a receiver configured by WEBHOOK_URLS (signed with WEBHOOK_SECRET). */
  @Column({ name: 'subscription_id', type: 'uuid', nullable: true })
  subscriptionId!: string | null;

  @Column({ type: 'text' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_status', type: 'int', nullable: true })
  lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
