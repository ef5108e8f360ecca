import type { OrderStatusV1 } from '@switchboard/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An order in the customer 360 view: its latest status, from the order service's `order.*` events. */
@Entity({ name: 'customer_orders' })
@Index('customer_orders_customer_idx', ['customerId', 'statusAt', 'orderId'])
export class CustomerOrder {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ type: 'text' })
  status!: OrderStatusV1;

  /** When the latest status took effect, as its event says. */
  @Column({ name: 'status_at', type: 'timestamptz', precision: 3 })
  statusAt!: Date;

  /**
   * The order stream revision of the event that set the status (the CloudEvents `sequence` the
   * relay stamps): an event at or below it is older than what the view shows.
   */
  @Column({ name: 'status_sequence', type: 'bigint', nullable: true })
  statusSequence!: string | null;

  /** Null until order.placed arrives (a later event may overtake it). */
  @Column({ type: 'text', nullable: true })
  currency!: string | null;

  @Column({ name: 'placed_at', type: 'timestamptz', precision: 3, nullable: true })
  placedAt!: Date | null;

  @Column({ name: 'erp_order_number', type: 'text', nullable: true })
  erpOrderNumber!: string | null;
}
