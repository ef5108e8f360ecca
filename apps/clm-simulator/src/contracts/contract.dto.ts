import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ContractConditionsDto {
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

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-31', nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string | null;
}

/** `POST /admin/contracts`: drafts a contract for a CLM customer. */
export class DraftContractRequest {
  @ApiProperty({ example: 'CC-100001' })
  @IsString()
  @Length(1, 100)
  clmCustomerId!: string;

  @ApiProperty({ example: 'Framework agreement 2026' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ type: ContractConditionsDto })
  @ValidateNested()
  @Type(() => ContractConditionsDto)
  conditions!: ContractConditionsDto;
}

/** `POST /admin/contracts/{id}/sign` */
export class SignContractRequest {
  @ApiPropertyOptional({ example: 'Jane Doe, CEO', description: 'Who signed; default "Customer"' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  signedBy?: string;
}

export class ContractResponse {
  @ApiProperty({ example: 'CT-100001' }) id!: string;
  @ApiProperty() clmCustomerId!: string;
  @ApiProperty({ description: "The customer's external reference (the Switchboard customer id)" }) customerExternalRef!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['drafted', 'signed'] }) status!: 'drafted' | 'signed';
  @ApiProperty({ type: ContractConditionsDto }) conditions!: ContractConditionsDto;
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) signedBy!: string | null;
}
