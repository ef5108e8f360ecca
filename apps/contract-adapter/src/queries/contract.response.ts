import { ApiProperty } from '@nestjs/swagger';
import type { ContractView } from '../projections/contract-view/contract-view.entity';

class ContractConditionsResponse {
  @ApiProperty({ example: 'NET30' }) paymentTerms!: string;
  @ApiProperty({ example: 5 }) discountPercent!: number;
  @ApiProperty({ format: 'date', example: '2026-01-01' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
}

class SignedCopyResponse {
  @ApiProperty({ description: 'The document id (its sha256)' }) documentId!: string;
  @ApiProperty({ description: 'Lower-case hex SHA-256 of the PDF' }) sha256!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ description: 'GET it to download the PDF', example: '/api/v1/documents/9f86d08…' }) href!: string;
}

/** A contract as the CLM reported it, with its stored signed copy. */
export class ContractResponse {
  @ApiProperty({ description: 'Our contract id' }) id!: string;
  @ApiProperty({ description: 'The CLM’s contract id' }) clmContractId!: string;
  @ApiProperty({ description: 'The Switchboard customer id' }) customerId!: string;
  @ApiProperty() clmCustomerId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['drafted', 'signed', 'signed-copy-stored'] }) status!: string;
  @ApiProperty({ type: ContractConditionsResponse }) conditions!: ContractConditionsResponse;
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) signedBy!: string | null;
  @ApiProperty({ type: SignedCopyResponse, nullable: true }) signedCopy!: SignedCopyResponse | null;

  static from(row: ContractView): ContractResponse {
    return {
      id: row.contractId,
      clmContractId: row.clmContractId,
      customerId: row.customerId,
      clmCustomerId: row.clmCustomerId,
      title: row.title,
      status: row.status,
      conditions: { ...row.conditions },
      draftedAt: row.draftedAt.toISOString(),
      signedAt: row.signedAt?.toISOString() ?? null,
      signedBy: row.signedBy,
      signedCopy:
        row.documentId && row.documentSha256 && row.documentSize
          ? { documentId: row.documentId, sha256: row.documentSha256, size: row.documentSize, href: `/api/v1/documents/${row.documentId}` }
          : null,
    };
  }
}
