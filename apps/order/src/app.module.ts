import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE, EventSourcingModule, type EventStore } from '@switchboard/event-sourcing';
import { IdempotencyModule } from '@switchboard/idempotency';
import { MessagingModule, messagingOptionsFrom } from '@switchboard/messaging';
import {
  ObservabilityModule,
  postgresCheck,
  projectionLagCheck,
  readinessCheck,
} from '@switchboard/observability';
import { ProjectionsModule, ProjectionsService, readModelDataSourceOptions } from '@switchboard/projections';
import { DataSource } from 'typeorm';
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
    ObservabilityModule.forRoot({ config: OrderConfig }),
    CqrsModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [OrderConfig],
      useFactory: (c: OrderConfig) =>
        readModelDataSourceOptions({ url: c.DATABASE_URL, schema: c.DB_SCHEMA, entities: ENTITIES }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
    EventSourcingModule.forRootAsync({
      inject: [OrderConfig],
      useFactory: (c: OrderConfig) => ({
        url: c.EVENT_STORE_URL,
        schema: c.DB_SCHEMA,
        registry: orderEventTypeRegistry(),
      }),
    }),
    MessagingModule.forRootAsync({
      inject: [OrderConfig, EVENT_STORE, DataSource],
      useFactory: (c: OrderConfig, eventStore: EventStore, dataSource: DataSource) => ({
        ...messagingOptionsFrom(c),
        relay: { eventStore, checkpoints: dataSource, map: orderToContracts },
      }),
    }),
    ProjectionsModule.forRoot({ projections: PROJECTIONS }),
    IdempotencyModule.forRoot(),
  ],
  controllers: [...HTTP_CONTROLLERS, ...CONSUMERS],
  providers: [
    ...COMMAND_HANDLERS,
    ...QUERY_HANDLERS,
    readinessCheck('postgres', [DataSource], (dataSource: DataSource) => postgresCheck(dataSource)),
    readinessCheck('projections', [ProjectionsService], (projections: ProjectionsService) =>
      projectionLagCheck(() => projections.statuses(), { maxLag: 1000 }),
    ),
  ],
})
export class AppModule {}
