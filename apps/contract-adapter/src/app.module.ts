import { Module } from '@nestjs/common';
import { ServiceChassisModule } from '@switchboard/chassis';
import { WebhookModule } from '@switchboard/webhooks';
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
    ServiceChassisModule.forRoot({
      config: ContractAdapterConfig,
      entities: ENTITIES,
      eventTypes: contractAdapterEventTypeRegistry(),
      relay: { fromConfig: (c: ContractAdapterConfig) => contractAdapterToContracts(c.PUBLIC_BASE_URL) },
      projections: PROJECTIONS,
      idempotency: false,
    }),
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
  ],
})
export class AppModule {}
