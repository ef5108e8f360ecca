import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ContractStatus = 'drafted' | 'signed';

export interface ContractConditions {
  readonly paymentTerms: string;
  readonly discountPercent: number;
  /** YYYY-MM-DD, inclusive. */
  readonly validFrom: string;
  /** YYYY-MM-DD, inclusive; null: open-ended. */
  readonly validTo: string | null;
}

@Entity({ name: 'contracts' })
export class Contract {
  @PrimaryColumn({ name: 'contract_id', type: 'text' })
  contractId!: string;

  @Column({ name: 'clm_customer_id', type: 'text' })
  clmCustomerId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: ContractStatus;

  @Column({ type: 'jsonb' })
  conditions!: ContractConditions;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt!: Date;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @Column({ name: 'signed_by', type: 'text', nullable: true })
  signedBy!: string | null;
}
