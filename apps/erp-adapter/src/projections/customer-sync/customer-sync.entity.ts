import type { ErpCustomerConditions } from '@switchboard/erp-domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per CRM customer the adapter handled: what GET /sync/customers/{id} answers. */
@Entity({ name: 'customer_syncs' })
export class CustomerSync {
  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ type: 'text' })
  status!: 'synced' | 'refused';

  @Column({ name: 'erp_customer_number', type: 'text', nullable: true })
  erpCustomerNumber!: string | null;

  /** The ERP's refusal (status and reason), when it refused. */
  @Column({ name: 'refusal', type: 'jsonb', nullable: true })
  refusal!: { httpStatus: number; reason: string } | null;

  /** The last conditions pushed to the ERP. */
  @Column({ type: 'jsonb', nullable: true })
  conditions!: ErpCustomerConditions | null;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
