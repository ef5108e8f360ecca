import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A receiver registered through `POST /webhook-subscriptions`, beside the ones configured by WEBHOOK_URLS. */
@Entity({ name: 'webhook_subscriptions' })
export class WebhookSubscription {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  /** `whsec_<base64>`; never shown again after the subscription is created. */
  @Column({ type: 'text' })
  secret!: string;

  /** The webhook types it receives; null for every type. */
  @Column({ name: 'event_types', type: 'text', array: true, nullable: true })
  eventTypes!: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
