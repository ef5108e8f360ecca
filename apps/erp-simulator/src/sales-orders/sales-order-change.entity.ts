import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SalesOrderStatus } from './sales-order-status';

/** One row of the changes feed: an order reached a status (version). */
@Entity({ name: 'sales_order_changes' })
export class SalesOrderChange {
  /** bigserial; allocated under a lock so ids become visible in order (see SalesOrdersService.recordChange). */
  @PrimaryColumn({ name: 'change_id', type: 'bigint' })
  changeId!: string;

  @Column({ name: 'order_number', type: 'text' })
  orderNumber!: string;

  @Column({ name: 'external_ref', type: 'text' })
  externalRef!: string;

  @Column({ name: 'customer_number', type: 'text' })
  customerNumber!: string;

  @Column({ type: 'text' })
  status!: SalesOrderStatus;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
