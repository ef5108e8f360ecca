import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MinPositionQuery } from '../nest/min-position.query';

const LIMIT_MESSAGE = 'limit must be an integer from 1 to 100';

/**
 * Extend a list endpoint's query DTO from this: `limit` (1–100, default 20) and the `cursor` of
 * the previous page (decode it with the list's opaqueCursor codec), plus `minPosition`.
 */
export class KeysetPageQuery extends MinPositionQuery {
  static readonly DEFAULT_LIMIT = 20;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: KeysetPageQuery.DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(100, { message: LIMIT_MESSAGE })
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
