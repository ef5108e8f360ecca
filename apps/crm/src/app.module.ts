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
import { AttachSignedCopyHandler } from './commands/attach-signed-copy/attach-signed-copy.handler';
import { ChangeCustomerDetailsHandler } from './commands/change-customer-details/change-customer-details.handler';
import { ChangeCustomerDetailsHttpController } from './commands/change-customer-details/change-customer-details.http.controller';
import { LinkClmCustomerHandler } from './commands/link-clm-customer/link-clm-customer.handler';
import { LinkErpCustomerHandler } from './commands/link-erp-customer/link-erp-customer.handler';
import { MarkContractSignedHandler } from './commands/mark-contract-signed/mark-contract-signed.handler';
import { RecordContractDraftHandler } from './commands/record-contract-draft/record-contract-draft.handler';
import { RegisterProspectHandler } from './commands/register-prospect/register-prospect.handler';
import { RegisterProspectHttpController } from './commands/register-prospect/register-prospect.http.controller';
import { WinCustomerHandler } from './commands/win-customer/win-customer.handler';
import { WinCustomerHttpController } from './commands/win-customer/win-customer.http.controller';
import { CrmConfig } from './config';
import { crmEventTypeRegistry } from './crm-event-types';
import { ContractConsumer } from './integration/contract.consumer';
import { crmToContracts } from './integration/crm.to-contracts';
import { ErpCustomerConsumer } from './integration/erp-customer.consumer';
import { OrderConsumer } from './integration/order.consumer';
import { GetContractHandler } from './queries/get-contract/get-contract.handler';
import { GetContractHttpController } from './queries/get-contract/get-contract.http.controller';
import { GetCustomerHandler } from './queries/get-customer/get-customer.handler';
import { GetCustomerHttpController } from './queries/get-customer/get-customer.http.controller';
import { ListCustomerContractsHandler } from './queries/list-customer-contracts/list-customer-contracts.handler';
import { ListCustomerContractsHttpController } from './queries/list-customer-contracts/list-customer-contracts.http.controller';
import { ListCustomersHandler } from './queries/list-customers/list-customers.handler';
import { ListCustomersHttpController } from './queries/list-customers/list-customers.http.controller';
import { ENTITIES, PROJECTIONS } from './read-models';

const HTTP_CONTROLLERS = [
  RegisterProspectHttpController,
  WinCustomerHttpController,
  ChangeCustomerDetailsHttpController,
  GetCustomerHttpController,
  ListCustomersHttpController,
  GetContractHttpController,
  ListCustomerContractsHttpController,
];
const CONSUMERS = [ErpCustomerConsumer, ContractConsumer, OrderConsumer];
const COMMAND_HANDLERS = [
  RegisterProspectHandler,
  WinCustomerHandler,
  ChangeCustomerDetailsHandler,
  LinkErpCustomerHandler,
  LinkClmCustomerHandler,
  RecordContractDraftHandler,
  MarkContractSignedHandler,
  AttachSignedCopyHandler,
];
const QUERY_HANDLERS = [
  GetCustomerHandler,
  ListCustomersHandler,
  GetContractHandler,
  ListCustomerContractsHandler,
];
/** Fed from the CRM's own event store; customer-orders is fed from JetStream by OrderConsumer. */

@Module({
  imports: [
    ObservabilityModule.forRoot({ config: CrmConfig }),
    CqrsModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [CrmConfig],
      useFactory: (c: CrmConfig) =>
        readModelDataSourceOptions({ url: c.DATABASE_URL, schema: c.DB_SCHEMA, entities: ENTITIES }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
    EventSourcingModule.forRootAsync({
      inject: [CrmConfig],
      useFactory: (c: CrmConfig) => ({
        url: c.EVENT_STORE_URL,
        schema: c.DB_SCHEMA,
        registry: crmEventTypeRegistry(),
      }),
    }),
    MessagingModule.forRootAsync({
      inject: [CrmConfig, EVENT_STORE, DataSource],
      useFactory: (c: CrmConfig, eventStore: EventStore, dataSource: DataSource) => ({
        ...messagingOptionsFrom(c),
        relay: { eventStore, checkpoints: dataSource, map: crmToContracts },
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
