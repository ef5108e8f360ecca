import { ApiProperty } from '@nestjs/swagger';
import type { ContractRecordView } from '../projections/contract-record/contract-record-view.entity';
import type { CustomerView } from '../projections/customer-360/customer-view.entity';
import { ContractResponse } from './contract.response';

const ORDER_STATUSES = ['placed', 'accepted', 'in_fulfilment', 'shipped', 'invoiced', 'rejected', 'cancelled'];

class AddressResponse {
  @ApiProperty() street!: string;
  @ApiProperty() city!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
}

class ExternalIdsResponse {
  @ApiProperty({ type: String, nullable: true, description: 'The ERP’s customer number, once the ERP adapter reported it' })
  erpCustomerNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The CLM’s customer id, once the contract adapter reported it' })
  clmCustomerId!: string | null;
}

export class CustomerOrderResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ORDER_STATUSES, description: 'The latest status the order service reported' }) status!: string;
  @ApiProperty({ format: 'date-time', description: 'When that status took effect' }) statusAt!: string;
  @ApiProperty({ type: String, nullable: true, example: 'EUR' }) currency!: string | null;
  @ApiProperty({ type: String, nullable: true }) erpOrderNumber!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) placedAt!: string | null;
}

/** GET /customers/{id}: the customer with its status, external ids, contracts and orders. */
export class Customer360Response {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['prospect', 'won'] }) status!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ type: String, nullable: true }) vatId!: string | null;
  @ApiProperty({ type: AddressResponse, nullable: true }) address!: AddressResponse | null;
  @ApiProperty({ type: ExternalIdsResponse }) externalIds!: ExternalIdsResponse;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) wonAt!: string | null;
  @ApiProperty({ type: [ContractResponse], description: 'Oldest draft first' }) contracts!: ContractResponse[];
  @ApiProperty({ type: [CustomerOrderResponse], description: 'The latest orders by status time, newest first (at most 100)' })
  orders!: CustomerOrderResponse[];

  /** `orders` come shaped by the query (see GetCustomerHandler): a view shows up to 100, and mapping them was most of its cost. */
  static from(customer: CustomerView, contracts: readonly ContractRecordView[], orders: CustomerOrderResponse[]): Customer360Response {
    return {
      id: customer.customerId,
      status: customer.status,
      name: customer.name,
      email: customer.email,
      country: customer.country,
      vatId: customer.vatId,
      address: customer.address && { ...customer.address },
      externalIds: { erpCustomerNumber: customer.erpCustomerNumber, clmCustomerId: customer.clmCustomerId },
      registeredAt: customer.registeredAt.toISOString(),
      wonAt: customer.wonAt?.toISOString() ?? null,
      contracts: contracts.map((row) => ContractResponse.from(row)),
      orders,
    };
  }
}
