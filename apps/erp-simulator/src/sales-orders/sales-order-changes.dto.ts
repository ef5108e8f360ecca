import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { SALES_ORDER_STATUSES, type SalesOrderStatus } from './sales-order-status';

/** `GET /sales-orders/changes?since=&limit=` */
export class SalesOrderChangesQuery {
  @ApiPropertyOptional({ description: 'The `next` of the previous page; 0 or omitted: from the start', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'since must be the integer cursor of a previous page' })
  @Min(0, { message: 'since must be the integer cursor of a previous page' })
  since?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** One change: the data of its `sales-order.created` or `sales-order.updated` webhook too, so a poller and a webhook receiver see the same thing. */
export class SalesOrderChangeResponse {
  @ApiProperty({ description: 'Grows with every change, never reused; the webhook-id of its webhook' }) changeId!: number;
  @ApiProperty() orderNumber!: string;
  @ApiProperty() externalRef!: string;
  @ApiProperty() customerNumber!: string;
  @ApiProperty({ enum: SALES_ORDER_STATUSES }) status!: SalesOrderStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

export class SalesOrderChangesPage {
  @ApiProperty({ type: [SalesOrderChangeResponse] }) changes!: SalesOrderChangeResponse[];
  @ApiProperty({ description: 'Pass as `since` for the changes after these (the same value when there were none)' }) next!: number;
}
