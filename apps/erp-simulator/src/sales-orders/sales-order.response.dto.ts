import { ApiProperty } from '@nestjs/swagger';
import { SALES_ORDER_STATUSES, type SalesOrderStatus } from './sales-order-status';
import type { SalesOrder } from './sales-order.entity';

export class ConfirmedLineResponse {
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: '12.50' }) unitPrice!: string;
}

export class StatusHistoryEntryResponse {
  @ApiProperty({ enum: SALES_ORDER_STATUSES }) status!: SalesOrderStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SalesOrderResponse {
  @ApiProperty({ example: 'SO-500001' }) orderNumber!: string;
  @ApiProperty({ description: 'The Switchboard order id' }) externalRef!: string;
  @ApiProperty() customerNumber!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: SALES_ORDER_STATUSES }) status!: SalesOrderStatus;
  @ApiProperty({ type: [ConfirmedLineResponse] }) lines!: ConfirmedLineResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { paymentTerms: 'NET30' } }) conditions!: Record<string, string>;
  @ApiProperty({ description: 'Grows by one with every change' }) version!: number;
  @ApiProperty({ type: [StatusHistoryEntryResponse] }) history!: StatusHistoryEntryResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(order: SalesOrder): SalesOrderResponse {
    return {
      orderNumber: order.orderNumber,
      externalRef: order.externalRef,
      customerNumber: order.customerNumber,
      currency: order.currency,
      status: order.status,
      lines: order.lines,
      conditions: order.conditions,
      version: order.version,
      history: order.history,
      createdAt: order.createdAt.toISOString(),
      updatedAt: order.updatedAt.toISOString(),
    };
  }
}
