import type { ContractRecordStatus, SignedCopy } from '@switchboard/crm-domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A contract as the CRM records it: GET /contracts/{id}, a customer's contracts, the 360 view. */
@Entity({ name: 'contract_records' })
@Index('contract_records_customer_idx', ['customerId', 'draftedAt', 'contractId'])
export class ContractRecordView {
  @PrimaryColumn({ name: 'contract_id', type: 'text' })
  contractId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'clm_contract_id', type: 'text' })
  clmContractId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: ContractRecordStatus;

  @Column({ name: 'drafted_at', type: 'timestamptz', precision: 3 })
  draftedAt!: Date;

  @Column({ name: 'signed_at', type: 'timestamptz', precision: 3, nullable: true })
  signedAt!: Date | null;

  /** When the CRM asked the contract adapter for the signed copy (crm.signed-copy.requested). */
  @Column({ name: 'signed_copy_requested_at', type: 'timestamptz', precision: 3, nullable: true })
  signedCopyRequestedAt!: Date | null;

  @Column({ name: 'signed_copy', type: 'jsonb', nullable: true })
  signedCopy!: SignedCopy | null;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
