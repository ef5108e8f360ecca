import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConfirmedLine } from './confirm-sales-order';
import type { SalesOrderStatus } from './sales-order-status';

export interface StatusHistoryEntry {
  readonly status: SalesOrderStatus;
  readonly version: number;
  readonly at: string;
}

@Entity({ name: 'sales_orders' })
export class SalesOrder {
  @PrimaryColumn({ name: 'order_number', type: 'text' })
  orderNumber!: string;

  /** The Switchboard order id. */
  @Column({ name: 'external_ref', type: 'text' })
  externalRef!: string;

  @Column({ name: 'customer_number', type: 'text' })
  customerNumber!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'jsonb' })
  lines!: ConfirmedLine[];

  @Column({ type: 'jsonb' })
  conditions!: Record<string, string>;

  @Column({ type: 'text' })
  status!: SalesOrderStatus;

  /** Grows by one with every change. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  history!: StatusHistoryEntry[];

  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;

  /** requestHash of the placing request that carried the key: a repeat with another body is a 422. */
  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
