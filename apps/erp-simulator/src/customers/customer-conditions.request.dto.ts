import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `PUT /customers/{no}/conditions`: the conditions of the customer's signed contract (replaces earlier ones). */
export class CustomerConditionsRequest {
  @ApiProperty({ example: 'CT-100001' })
  @IsString()
  @Length(1, 100)
  contractId!: string;

  @ApiProperty({ example: 'NET30' })
  @IsString()
  @Length(1, 50)
  paymentTerms!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 5 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  discountPercent!: number;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', description: 'Inclusive; omitted: open-ended' })
  @IsOptional()
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string;
}

export class CustomerConditionsResponse {
  @ApiProperty() contractId!: string;
  @ApiProperty() paymentTerms!: string;
  @ApiProperty() discountPercent!: number;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
}
