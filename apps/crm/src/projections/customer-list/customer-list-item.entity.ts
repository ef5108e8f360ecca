import type { CustomerStatus } from '@switchboard/crm-domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One line of GET /customers: what a list shows, and what `q` searches. */
@Entity({ name: 'customer_list' })
@Index('customer_list_registered_idx', ['registeredAt', 'customerId'])
@Index('customer_list_status_idx', ['status', 'registeredAt', 'customerId'])
export class CustomerListItem {
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

  /** Lower-cased name and e-mail: `q` matches a substring of either. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  /** Millisecond precision (the events' ISO strings): cursors compare exactly. */
  @Column({ name: 'registered_at', type: 'timestamptz', precision: 3 })
  registeredAt!: Date;
}
