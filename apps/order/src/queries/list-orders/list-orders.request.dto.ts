import { ApiPropertyOptional } from '@nestjs/swagger';
import { KeysetPageQuery } from '@switchboard/projections';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORDER_STATUSES } from '../order.response';

export class ListOrdersRequest extends KeysetPageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  customerId?: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES, { message: `status must be one of ${ORDER_STATUSES.join(', ')}` })
  status?: string;
}
