import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CustomerNotFound } from '@switchboard/crm-domain';
import { isoTimestampSql, preparedQuery } from '@switchboard/projections';
import { DataSource } from 'typeorm';
import { ContractRecordView } from '../../projections/contract-record/contract-record-view.entity';
import { CustomerView } from '../../projections/customer-360/customer-view.entity';
import { Customer360Response, type CustomerOrderResponse } from '../customer-360.response';
import { entityFromJson } from '../entity-from-json';
import { GetCustomerQuery } from './get-customer.query';

/** The 360 view shows a customer's most recent orders; the order service lists them all. */
export const MAX_ORDERS_IN_VIEW = 100;

interface ViewRow {
  customer: Record<string, unknown>;
  contracts: Record<string, unknown>[];
  orders: CustomerOrderResponse[];
}

/**
 * One statement of three primary-key/index lookups, so the cost does not grow with the number of
 * customers, and the view costs one round trip, planned once per connection: it is what a client
 * polls to see an order arrive. The orders (up to 100) come in their response shape: hydrating
 * and mapping them was most of a full view's cost.
 */
@QueryHandler(GetCustomerQuery)
export class GetCustomerHandler implements IQueryHandler<GetCustomerQuery, Customer360Response> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ customerId }: GetCustomerQuery): Promise<Customer360Response> {
    const [row] = await preparedQuery<ViewRow>(
      this.dataSource,
      `SELECT row_to_json(c) AS customer,
         (SELECT coalesce(json_agg(k ORDER BY k.drafted_at, k.contract_id), '[]') FROM contract_records k
          WHERE k.customer_id = c.customer_id) AS contracts,
         (SELECT coalesce(json_agg(json_build_object(
             'id', o.order_id, 'status', o.status, 'statusAt', ${isoTimestampSql('o.status_at')}, 'currency', o.currency,
             'erpOrderNumber', o.erp_order_number, 'placedAt', ${isoTimestampSql('o.placed_at')}
           ) ORDER BY o.status_at DESC, o.order_id DESC), '[]')
          FROM (SELECT * FROM customer_orders WHERE customer_id = c.customer_id ORDER BY status_at DESC, order_id DESC LIMIT $2) o) AS orders
       FROM customer_views c WHERE c.customer_id = $1`,
      [customerId, MAX_ORDERS_IN_VIEW],
    );
    if (!row) throw new CustomerNotFound(customerId);
    const { dataSource } = this;
    return Customer360Response.from(
      entityFromJson(dataSource, CustomerView, row.customer),
      row.contracts.map((contract) => entityFromJson(dataSource, ContractRecordView, contract)),
      row.orders,
    );
  }
}
