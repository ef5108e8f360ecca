import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PostalAddressRequest } from './create-customer.request.dto';
import { CustomerConditionsResponse } from './customer-conditions.request.dto';
import type { ErpCustomer } from './erp-customer.entity';

export class CustomerResponse {
  @ApiProperty({ example: 'C-100001' }) customerNumber!: string;
  @ApiProperty({ description: 'The Switchboard customer id' }) externalRef!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ type: String, nullable: true }) vatId!: string | null;
  @ApiPropertyOptional({ type: PostalAddressRequest, nullable: true }) address!: PostalAddressRequest | null;
  @ApiPropertyOptional({ type: CustomerConditionsResponse, nullable: true }) conditions!: CustomerConditionsResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(customer: ErpCustomer): CustomerResponse {
    return {
      customerNumber: customer.customerNumber,
      externalRef: customer.externalRef,
      name: customer.name,
      email: customer.email,
      country: customer.country,
      vatId: customer.vatId,
      address: customer.address,
      conditions: customer.conditions,
      createdAt: customer.createdAt.toISOString(),
    };
  }
}
