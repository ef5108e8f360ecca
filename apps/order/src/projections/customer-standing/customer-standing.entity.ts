import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the order service knows of a CRM customer: enough to refuse orders of unknown or not-yet-won ones. */
@Entity({ name: 'customer_standings' })
export class CustomerStanding {
  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ type: 'text' })
  standing!: 'prospect' | 'won';

  /** Null until crm.customer.registered arrives (a won event may come first). */
  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
