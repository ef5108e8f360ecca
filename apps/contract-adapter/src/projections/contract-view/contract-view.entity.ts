import type { ContractConditions, ContractState } from '@switchboard/contract-domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ContractViewStatus = Exclude<ContractState['status'], 'initial'>;

/** One row per contract: what GET /contracts/{id} answers with. */
@Entity({ name: 'contract_views' })
@Index('contract_views_customer_idx', ['customerId'])
export class ContractView {
  @PrimaryColumn({ name: 'contract_id', type: 'text' })
  contractId!: string;

  @Column({ name: 'clm_contract_id', type: 'text' })
  clmContractId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'clm_customer_id', type: 'text' })
  clmCustomerId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: ContractViewStatus;

  @Column({ type: 'jsonb' })
  conditions!: ContractConditions;

  @Column({ name: 'drafted_at', type: 'timestamptz', precision: 3 })
  draftedAt!: Date;

  @Column({ name: 'signed_at', type: 'timestamptz', precision: 3, nullable: true })
  signedAt!: Date | null;

  @Column({ name: 'signed_by', type: 'text', nullable: true })
  signedBy!: string | null;

  @Column({ name: 'document_id', type: 'text', nullable: true })
  documentId!: string | null;

  @Column({ name: 'document_sha256', type: 'char', length: 64, nullable: true })
  documentSha256!: string | null;

  @Column({ name: 'document_size', type: 'integer', nullable: true })
  documentSize!: number | null;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
