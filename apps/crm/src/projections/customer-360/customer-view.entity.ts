import type { CustomerStatus, PostalAddress } from '@switchboard/crm-domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The customer part of the 360 view (its contracts and orders are rows of their own read models). */
@Entity({ name: 'customer_views' })
export class CustomerView {
  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ type: 'text' })
  status!: CustomerStatus;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  country!: string;

  @Column({ name: 'vat_id', type: 'text', nullable: true })
  vatId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address!: PostalAddress | null;

  @Column({ name: 'erp_customer_number', type: 'text', nullable: true })
  erpCustomerNumber!: string | null;

  @Column({ name: 'clm_customer_id', type: 'text', nullable: true })
  clmCustomerId!: string | null;

  @Column({ name: 'registered_at', type: 'timestamptz', precision: 3 })
  registeredAt!: Date;

  @Column({ name: 'won_at', type: 'timestamptz', precision: 3, nullable: true })
  wonAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
