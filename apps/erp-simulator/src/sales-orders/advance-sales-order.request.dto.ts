import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SALES_ORDER_STATUSES, type SalesOrderStatus } from './sales-order-status';

/** `POST /admin/sales-orders/{no}/advance`: to `status`, or omitted, to the next status. */
export class AdvanceSalesOrderRequest {
  @ApiPropertyOptional({ enum: SALES_ORDER_STATUSES })
  @IsOptional()
  @IsIn(SALES_ORDER_STATUSES)
  status?: SalesOrderStatus;
}
