import type { ConfirmedLine, OrderConditions, OrderLine, OrderStatus } from '@switchboard/order-domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface StatusHistoryItem {
  status: OrderStatus;
  /** RFC 3339: when the status took effect (as the event says, not when it was projected). */
  at: string;
}

/** One row per order: what GET /orders/{id} and GET /orders answer with. */
@Entity({ name: 'order_summaries' })
@Index('order_summaries_customer_idx', ['customerId', 'placedAt', 'orderId'])
@Index('order_summaries_status_idx', ['status', 'placedAt', 'orderId'])
@Index('order_summaries_placed_idx', ['placedAt', 'orderId'])
export class OrderSummary {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ type: 'text' })
  status!: OrderStatus;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'jsonb' })
  lines!: OrderLine[];

  @Column({ name: 'erp_order_number', type: 'text', nullable: true })
  erpOrderNumber!: string | null;

  @Column({ name: 'confirmed_lines', type: 'jsonb', nullable: true })
  confirmedLines!: ConfirmedLine[] | null;

  @Column({ type: 'jsonb', nullable: true })
  conditions!: OrderConditions | null;

  /** The last ERP record version applied (from order.status-changed). */
  @Column({ name: 'erp_version', type: 'integer', nullable: true })
  erpVersion!: number | null;

  @Column({ name: 'status_history', type: 'jsonb' })
  statusHistory!: StatusHistoryItem[];

  /** Why the ERP rejected it, or why it was cancelled. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  /** Millisecond precision (the events' ISO strings): cursors compare exactly. */
  @Column({ name: 'placed_at', type: 'timestamptz', precision: 3 })
  placedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
