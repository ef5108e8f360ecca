import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE, EventSourcingModule, type EventStore } from '@switchboard/event-sourcing';
import { MessagingModule, messagingOptionsFrom } from '@switchboard/messaging';
import {
  ObservabilityModule,
  postgresCheck,
  projectionLagCheck,
  readinessCheck,
} from '@switchboard/observability';
import { ProjectionsModule, ProjectionsService, readModelDataSourceOptions } from '@switchboard/projections';
import { WebhookModule } from '@switchboard/webhooks';
import { DataSource } from 'typeorm';
import { ClmApiClient } from './callouts/clm-api.client';
import { CrmApiClient } from './callouts/crm-api.client';
import { CreateClmCustomerHandler } from './commands/create-clm-customer/create-clm-customer.handler';
import { RecordContractDraftHandler } from './commands/record-contract-draft/record-contract-draft.handler';
import { RecordContractSignatureHandler } from './commands/record-contract-signature/record-contract-signature.handler';
import { StoreSignedCopyHandler } from './commands/store-signed-copy/store-signed-copy.handler';
import { ContractAdapterConfig } from './config';
import { contractAdapterEventTypeRegistry } from './contract-adapter-event-types';
import { DocumentStore } from './documents/document-store';
import { contractAdapterToContracts } from './integration/contract-adapter.to-contracts';
import { CrmCustomerWonConsumer } from './integration/crm-customer-won.consumer';
import { SignedCopyRequestedConsumer } from './integration/signed-copy-requested.consumer';
import { GetContractHandler } from './queries/get-contract/get-contract.handler';
import { GetContractHttpController } from './queries/get-contract/get-contract.http.controller';
import { GetDocumentHttpController } from './queries/get-document/get-document.http.controller';
import { ClmContractWebhookHandler } from './webhooks/clm-contract.webhook-handler';
import { ENTITIES, PROJECTIONS } from './read-models';

const HTTP_CONTROLLERS = [GetContractHttpController, GetDocumentHttpController];
const CONSUMERS = [CrmCustomerWonConsumer, SignedCopyRequestedConsumer];
const COMMAND_HANDLERS = [
  CreateClmCustomerHandler,
  RecordContractDraftHandler,
  RecordContractSignatureHandler,
  StoreSignedCopyHandler,
];
const QUERY_HANDLERS = [GetContractHandler];

@Module({
  imports: [
    ObservabilityModule.forRoot({ config: ContractAdapterConfig }),
    CqrsModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [ContractAdapterConfig],
      useFactory: (c: ContractAdapterConfig) =>
        readModelDataSourceOptions({ url: c.DATABASE_URL, schema: c.DB_SCHEMA, entities: ENTITIES }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
    EventSourcingModule.forRootAsync({
      inject: [ContractAdapterConfig],
      useFactory: (c: ContractAdapterConfig) => ({
        url: c.EVENT_STORE_URL,
        schema: c.DB_SCHEMA,
        registry: contractAdapterEventTypeRegistry(),
      }),
    }),
    MessagingModule.forRootAsync({
      inject: [ContractAdapterConfig, EVENT_STORE, DataSource],
      useFactory: (c: ContractAdapterConfig, eventStore: EventStore, dataSource: DataSource) => ({
        ...messagingOptionsFrom(c),
        relay: { eventStore, checkpoints: dataSource, map: contractAdapterToContracts(c.PUBLIC_BASE_URL) },
      }),
    }),
    ProjectionsModule.forRoot({ projections: PROJECTIONS }),
    WebhookModule.forRoot(),
    WebhookModule.forFeature({
      source: 'clm', // POST /webhooks/clm
      handler: ClmContractWebhookHandler,
      inject: [ContractAdapterConfig],
      secrets: (c: ContractAdapterConfig) => c.CLM_WEBHOOK_SECRETS,
    }),
  ],
  controllers: [...HTTP_CONTROLLERS, ...CONSUMERS],
  providers: [
    ...COMMAND_HANDLERS,
    ...QUERY_HANDLERS,
    ClmApiClient,
    CrmApiClient,
    DocumentStore,
    readinessCheck('postgres', [DataSource], (dataSource: DataSource) => postgresCheck(dataSource)),
    readinessCheck('projections', [ProjectionsService], (projections: ProjectionsService) =>
      projectionLagCheck(() => projections.statuses(), { maxLag: 1000 }),
    ),
  ],
})
export class AppModule {}
