import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { CustomerNotFound } from '@switchboard/crm-domain';
import type { Repository } from 'typeorm';
import { ContractRecordView } from '../../projections/contract-record/contract-record-view.entity';
import { CustomerView } from '../../projections/customer-360/customer-view.entity';
import { CustomerOrder } from '../../projections/customer-orders/customer-order.entity';
import { Customer360Response } from '../customer-360.response';
import { GetCustomerQuery } from './get-customer.query';

/** The 360 view shows a customer's most recent orders; the order service lists them all. */
export const MAX_ORDERS_IN_VIEW = 100;

/** Three primary-key/index lookups, so the cost does not grow with the number of customers. */
@QueryHandler(GetCustomerQuery)
export class GetCustomerHandler implements IQueryHandler<GetCustomerQuery, Customer360Response> {
  constructor(
    @InjectRepository(CustomerView) private readonly customers: Repository<CustomerView>,
    @InjectRepository(ContractRecordView) private readonly contracts: Repository<ContractRecordView>,
    @InjectRepository(CustomerOrder) private readonly orders: Repository<CustomerOrder>,
  ) {}

  async execute({ customerId }: GetCustomerQuery): Promise<Customer360Response> {
    const [customer, contracts, orders] = await Promise.all([
      this.customers.findOneBy({ customerId }),
      this.contracts.find({ where: { customerId }, order: { draftedAt: 'ASC', contractId: 'ASC' } }),
      this.orders.find({ where: { customerId }, order: { statusAt: 'DESC', orderId: 'DESC' }, take: MAX_ORDERS_IN_VIEW }),
    ]);
    if (!customer) throw new CustomerNotFound(customerId);
    return Customer360Response.from(customer, contracts, orders);
  }
}
