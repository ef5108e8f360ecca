import { ApiPropertyOptional } from '@nestjs/swagger';
import { KeysetPageQuery } from '@switchboard/projections';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const CUSTOMER_STATUSES = ['prospect', 'won'];

export class ListCustomersRequest extends KeysetPageQuery {
  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES })
  @IsOptional()
  @IsIn(CUSTOMER_STATUSES, { message: `status must be one of ${CUSTOMER_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail address, any case', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q?: string;
}
