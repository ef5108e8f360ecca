import { ApiProperty } from '@nestjs/swagger';
import type { CustomerSync } from '../projections/customer-sync/customer-sync.entity';

class RefusalResponse {
  @ApiProperty({ example: 400 }) httpStatus!: number;
  @ApiProperty() reason!: string;
}

class ConditionsResponse {
  @ApiProperty({ description: "The CLM's contract id" }) contractId!: string;
  @ApiProperty({ example: 'NET30' }) paymentTerms!: string;
  @ApiProperty({ example: 5 }) discountPercent!: number;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
}

/** GET /sync/customers/{customerId}: a CRM customer in the ERP. */
export class CustomerSyncResponse {
  @ApiProperty({ description: 'The CRM customer id' }) customerId!: string;
  @ApiProperty({ enum: ['synced', 'refused'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'C-100001' }) erpCustomerNumber!: string | null;
  @ApiProperty({ type: RefusalResponse, nullable: true, description: 'Why the ERP refused the customer' }) refusal!: RefusalResponse | null;
  @ApiProperty({ type: ConditionsResponse, nullable: true, description: 'The conditions last pushed to the ERP' }) conditions!: ConditionsResponse | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(row: CustomerSync): CustomerSyncResponse {
    return {
      customerId: row.customerId,
      status: row.status,
      erpCustomerNumber: row.erpCustomerNumber,
      refusal: row.refusal && { ...row.refusal },
      conditions: row.conditions && { ...row.conditions },
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
