import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export class SalesOrderLineRequest {
  @ApiProperty({ example: 'SKU-1', description: 'SKUs starting with X- are not in the catalogue (rejected)' })
  @IsString()
  @Length(1, 100)
  sku!: string;

  @ApiProperty({ minimum: 1, example: 2 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @ApiPropertyOptional({ example: '12.50', description: 'Decimal string; omitted: the ERP prices the line from its list' })
  @IsOptional()
  @Matches(/^\d{1,15}(\.\d{1,4})?$/, { message: 'unitPrice must be a decimal string such as "12.50"' })
  unitPrice?: string;
}

/** `POST /sales-orders` */
export class CreateSalesOrderRequest {
  @ApiProperty({ description: 'The Switchboard order id' })
  @IsString()
  @Length(1, 100)
  externalRef!: string;

  @ApiProperty({ example: 'C-100001' })
  @IsString()
  @Length(1, 100)
  customerNumber!: string;

  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiProperty({ type: [SalesOrderLineRequest], description: 'An empty list is rejected (422)' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SalesOrderLineRequest)
  lines!: SalesOrderLineRequest[];
}
