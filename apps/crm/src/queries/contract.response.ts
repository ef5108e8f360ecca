import { ApiProperty } from '@nestjs/swagger';
import type { ContractRecordView } from '../projections/contract-record/contract-record-view.entity';

class SignedCopyResponse {
  @ApiProperty() documentId!: string;
  @ApiProperty({ description: 'Lower-case hex SHA-256 of the document' }) sha256!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty() url!: string;
  @ApiProperty({ format: 'date-time' }) attachedAt!: string;
}

/** A contract record as GET /contracts/{id}, a customer's contracts and the 360 view show it. */
export class ContractResponse {
  @ApiProperty() id!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ description: 'The CLM’s id of the contract' }) clmContractId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['drafted', 'signed'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the CRM asked for the signed copy' })
  signedCopyRequestedAt!: string | null;
  @ApiProperty({ type: SignedCopyResponse, nullable: true }) signedCopy!: SignedCopyResponse | null;

  static from(row: ContractRecordView): ContractResponse {
    return {
      id: row.contractId,
      customerId: row.customerId,
      clmContractId: row.clmContractId,
      title: row.title,
      status: row.status,
      draftedAt: row.draftedAt.toISOString(),
      signedAt: row.signedAt?.toISOString() ?? null,
      signedCopyRequestedAt: row.signedCopyRequestedAt?.toISOString() ?? null,
      signedCopy: row.signedCopy && { ...row.signedCopy },
    };
  }
}
