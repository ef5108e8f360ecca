import { ApiProperty } from '@nestjs/swagger';
import { ERP_ORDER_STATUSES } from '@switchboard/erp-domain';
import type { OrderSync } from '../projections/order-sync/order-sync.entity';

class ConfirmedLineResponse {
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: '12.50', description: 'Decimal string' }) unitPrice!: string;
}

class ChangeResponse {
  @ApiProperty({ enum: ERP_ORDER_STATUSES }) status!: string;
  @ApiProperty() erpVersion!: number;
  @ApiProperty({ description: "The ERP's change id" }) changeId!: string;
  @ApiProperty({ enum: ['webhook', 'polling'], description: 'The channel that brought the change first' }) origin!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** GET /sync/orders/{orderId}: an order as submitted to the ERP and what the ERP made of it. */
export class OrderSyncResponse {
  @ApiProperty({ description: 'Our order id' }) orderId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() erpCustomerNumber!: string;
  @ApiProperty({ enum: [...ERP_ORDER_STATUSES, 'rejected'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'SO-500001' }) erpOrderNumber!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: "The ERP record's version last applied" }) erpVersion!: number | null;
  @ApiProperty({ type: [ConfirmedLineResponse], nullable: true }) confirmedLines!: ConfirmedLineResponse[] | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true }) conditions!: Record<string, string> | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({ type: [ChangeResponse], description: 'The ERP changes applied after the acceptance, oldest first' }) changes!: ChangeResponse[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(row: OrderSync): OrderSyncResponse {
    return {
      orderId: row.orderId,
      customerId: row.customerId,
      erpCustomerNumber: row.erpCustomerNumber,
      status: row.status,
      erpOrderNumber: row.erpOrderNumber,
      erpVersion: row.erpVersion,
      confirmedLines: row.confirmedLines && row.confirmedLines.map((line) => ({ ...line })),
      conditions: row.conditions && { ...row.conditions },
      rejectionReason: row.rejectionReason,
      changes: row.changes.map((change) => ({ ...change })),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
