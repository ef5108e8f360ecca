import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface PostalAddress {
  readonly street: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

/** Contract conditions the ERP applies to the customer's orders while they are valid. */
export interface CustomerConditions {
  readonly contractId: string;
  readonly paymentTerms: string;
  readonly discountPercent: number;
  /** YYYY-MM-DD, inclusive. */
  readonly validFrom: string;
  /** YYYY-MM-DD, inclusive; null: open-ended. */
  readonly validTo: string | null;
}

@Entity({ name: 'customers' })
export class ErpCustomer {
  @PrimaryColumn({ name: 'customer_number', type: 'text' })
  customerNumber!: string;

  /** The Switchboard (CRM) customer id. */
  @Column({ name: 'external_ref', type: 'text' })
  externalRef!: string;

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

  @Column({ type: 'jsonb', nullable: true })
  conditions!: CustomerConditions | null;

  /** The Idempotency-Key it was created with: a retry after a crash finds it instead of creating a twin. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
