import { Module } from '@nestjs/common';
import { ServiceChassisModule } from '@switchboard/chassis';
import { AcceptOrderByErpHandler } from './commands/accept-order-by-erp/accept-order-by-erp.handler';
import { CancelOrderHandler } from './commands/cancel-order/cancel-order.handler';
import { CancelOrderHttpController } from './commands/cancel-order/cancel-order.http.controller';
import { ChangeOrderStatusHandler } from './commands/change-order-status/change-order-status.handler';
import { PlaceOrderHandler } from './commands/place-order/place-order.handler';
import { PlaceOrderHttpController } from './commands/place-order/place-order.http.controller';
import { RejectOrderByErpHandler } from './commands/reject-order-by-erp/reject-order-by-erp.handler';
import { OrderConfig } from './config';
import { CrmCustomerConsumer } from './integration/crm-customer.consumer';
import { ErpOrderConsumer } from './integration/erp-order.consumer';
import { orderToContracts } from './integration/order.to-contracts';
import { orderEventTypeRegistry } from './order-event-types';
import { GetOrderHandler } from './queries/get-order/get-order.handler';
import { GetOrderHttpController } from './queries/get-order/get-order.http.controller';
import { ListOrdersHandler } from './queries/list-orders/list-orders.handler';
import { ListOrdersHttpController } from './queries/list-orders/list-orders.http.controller';
import { ENTITIES, PROJECTIONS } from './read-models';

const HTTP_CONTROLLERS = [
  PlaceOrderHttpController,
  CancelOrderHttpController,
  GetOrderHttpController,
  ListOrdersHttpController,
];
const CONSUMERS = [CrmCustomerConsumer, ErpOrderConsumer];
const COMMAND_HANDLERS = [
  PlaceOrderHandler,
  CancelOrderHandler,
  AcceptOrderByErpHandler,
  RejectOrderByErpHandler,
  ChangeOrderStatusHandler,
];
const QUERY_HANDLERS = [GetOrderHandler, ListOrdersHandler];

@Module({
  imports: [
    ServiceChassisModule.forRoot({
      config: OrderConfig,
      entities: ENTITIES,
      eventTypes: orderEventTypeRegistry(),
      relay: orderToContracts,
      projections: PROJECTIONS,
      idempotency: true,
    }),
  ],
  controllers: [...HTTP_CONTROLLERS, ...CONSUMERS],
  providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class AppModule {}
