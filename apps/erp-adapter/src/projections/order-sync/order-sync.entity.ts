import type { ErpChangeOrigin, ErpConfirmedLine, ErpOrderStatus } from '@switchboard/erp-domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface OrderSyncChange {
  status: ErpOrderStatus;
  erpVersion: number;
  changeId: string;
  origin: ErpChangeOrigin;
  at: string;
}

/** One row per order submitted to the ERP: what GET /sync/orders/{id} answers. */
@Entity({ name: 'order_syncs' })
export class OrderSync {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'erp_customer_number', type: 'text' })
  erpCustomerNumber!: string;

  /** `rejected`, or the ERP's status of the accepted order. */
  @Column({ type: 'text' })
  status!: ErpOrderStatus | 'rejected';

  @Column({ name: 'erp_order_number', type: 'text', nullable: true })
  erpOrderNumber!: string | null;

  @Column({ name: 'erp_version', type: 'integer', nullable: true })
  erpVersion!: number | null;

  @Column({ name: 'confirmed_lines', type: 'jsonb', nullable: true })
  confirmedLines!: ErpConfirmedLine[] | null;

  @Column({ type: 'jsonb', nullable: true })
  conditions!: Record<string, string> | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  /** The ERP's changes applied, oldest first, with the channel that brought each. */
  @Column({ type: 'jsonb' })
  changes!: OrderSyncChange[];

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
