import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OrderSummary } from '../projections/order-summary/order-summary.entity';

const STATUSES = ['placed', 'accepted', 'in_fulfilment', 'shipped', 'invoiced', 'rejected', 'cancelled'];

class OrderLineResponse {
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Decimal string' }) unitPrice!: string | null;
}

class StatusHistoryResponse {
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** An order as GET /orders/{id} and GET /orders show it. */
export class OrderResponse {
  @ApiProperty() id!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: [OrderLineResponse] }) lines!: OrderLineResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) erpOrderNumber!: string | null;
  @ApiPropertyOptional({ type: [OrderLineResponse], nullable: true, description: 'The lines and prices the ERP confirmed' })
  confirmedLines!: OrderLineResponse[] | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true }) conditions!: Record<string, string> | null;
  @ApiProperty({ type: [StatusHistoryResponse], description: 'Every status with the time it took effect, oldest first' })
  statusHistory!: StatusHistoryResponse[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why it was rejected or cancelled' }) statusReason!: string | null;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(row: OrderSummary): OrderResponse {
    return {
      id: row.orderId,
      customerId: row.customerId,
      status: row.status,
      currency: row.currency,
      lines: row.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
      erpOrderNumber: row.erpOrderNumber,
      confirmedLines: row.confirmedLines,
      conditions: row.conditions,
      statusHistory: row.statusHistory,
      statusReason: row.statusReason,
      placedAt: row.placedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

export const ORDER_STATUSES = STATUSES;
