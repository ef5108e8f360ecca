import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

export class PlaceOrderLineDto {
  @ApiProperty({ example: 'SKU-A', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sku!: string;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsInt()
  @Min(1)
  quantity!: number;

  @ApiPropertyOptional({ description: 'Expected unit price as a decimal string (the ERP confirms the real one)', example: '12.50' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,15}(\.\d{1,4})?$/, { message: 'unitPrice must be a decimal string such as "12.50" (up to 4 decimals)' })
  unitPrice?: string;
}

export class PlaceOrderRequest {
  @ApiProperty({ description: 'A customer the CRM has won', example: '3f6c1a52-9a0b-4d2e-8f1c-7b5e4d3c2a10', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  customerId!: string;

  @ApiProperty({ description: 'ISO 4217', example: 'EUR' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as "EUR"' })
  currency!: string;

  @ApiProperty({ type: [PlaceOrderLineDto], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlaceOrderLineDto)
  lines!: PlaceOrderLineDto[];
}
