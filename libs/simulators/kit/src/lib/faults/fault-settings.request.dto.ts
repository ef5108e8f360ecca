import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

/** `PUT /admin/faults`: replaces every injected fault at once (an omitted field is off). */
export class FaultSettingsRequest {
  @ApiPropertyOptional({ description: 'Latency added to every non-admin request, in ms', minimum: 0, maximum: 60000, example: 200 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  latencyMs?: number;

  @ApiPropertyOptional({ description: 'Share of requests answered 500', minimum: 0, maximum: 1, example: 0.1 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  errorRate?: number;

  @ApiPropertyOptional({ description: 'Share of requests answered 429 with Retry-After', minimum: 0, maximum: 1, example: 0.2 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  rateLimitRate?: number;

  @ApiPropertyOptional({ description: 'Retry-After of an injected 429, in seconds (default 1)', minimum: 0, maximum: 3600, example: 2 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  retryAfterSeconds?: number;

  @ApiPropertyOptional({ description: 'Every non-admin request is answered 503 until this time', type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  downUntil?: Date;
}

/** The faults in force, as `GET /admin/faults` shows them. */
export class FaultSettingsResponse {
  @ApiPropertyOptional() latencyMs?: number;
  @ApiPropertyOptional() errorRate?: number;
  @ApiPropertyOptional() rateLimitRate?: number;
  @ApiPropertyOptional() retryAfterSeconds?: number;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) downUntil?: string;
}
