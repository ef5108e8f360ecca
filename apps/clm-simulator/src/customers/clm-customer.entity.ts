import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'clm_customers' })
export class ClmCustomer {
  @PrimaryColumn({ name: 'clm_customer_id', type: 'text' })
  clmCustomerId!: string;

  /** The Switchboard (CRM) customer id. */
  @Column({ name: 'external_ref', type: 'text' })
  externalRef!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  /** The Idempotency-Key it was created with: a retry after a crash finds it instead of creating a twin. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
