import { Module } from '@nestjs/common';
import { ServiceChassisModule } from '@switchboard/chassis';
import { WebhookModule } from '@switchboard/webhooks';
import { ClmClient } from './callouts/clm.client';
import { CrmClient } from './callouts/crm.client';
import { ErpClient } from './callouts/erp.client';
import { ApplyErpOrderChangeHandler } from './commands/apply-erp-order-change/apply-erp-order-change.handler';
import { PushContractConditionsHandler } from './commands/push-contract-conditions/push-contract-conditions.handler';
import { SubmitOrderHandler } from './commands/submit-order/submit-order.handler';
import { SyncWonCustomerHandler } from './commands/sync-won-customer/sync-won-customer.handler';
import { ErpAdapterConfig } from './config';
import { erpAdapterEventTypeRegistry } from './erp-adapter-event-types';
import { ContractConsumer } from './integration/contract.consumer';
import { CrmCustomerConsumer } from './integration/crm-customer.consumer';
import { ErpChangesPoller } from './integration/erp-changes.poller';
import { ErpOrderChangedWebhookHandler } from './integration/erp-order-changed.webhook-handler';
import { SALES_ORDER_CREATED } from './integration/erp-sales-order-change';
import { erpToContracts } from './integration/erp.to-contracts';
import { OrderConsumer } from './integration/order.consumer';
import { SyncStateReader } from './integration/sync-state.reader';
import { GetCustomerSyncHandler } from './queries/get-customer-sync/get-customer-sync.handler';
import { GetCustomerSyncHttpController } from './queries/get-customer-sync/get-customer-sync.http.controller';
import { GetOrderSyncHandler } from './queries/get-order-sync/get-order-sync.handler';
import { GetOrderSyncHttpController } from './queries/get-order-sync/get-order-sync.http.controller';
import { ENTITIES, PROJECTIONS } from './read-models';

const HTTP_CONTROLLERS = [GetCustomerSyncHttpController, GetOrderSyncHttpController];
const CONSUMERS = [CrmCustomerConsumer, OrderConsumer, ContractConsumer];
const COMMAND_HANDLERS = [
  SyncWonCustomerHandler,
  SubmitOrderHandler,
  PushContractConditionsHandler,
  ApplyErpOrderChangeHandler,
];
const QUERY_HANDLERS = [GetCustomerSyncHandler, GetOrderSyncHandler];
const CALLOUTS = [ErpClient, CrmClient, ClmClient];

@Module({
  imports: [
    ServiceChassisModule.forRoot({
      config: ErpAdapterConfig,
      entities: ENTITIES,
      eventTypes: erpAdapterEventTypeRegistry(),
      relay: erpToContracts,
      projections: PROJECTIONS,
      idempotency: false,
    }),
    WebhookModule.forRoot(),
    WebhookModule.forFeature({
      source: 'erp',
      handler: ErpOrderChangedWebhookHandler,
      inject: [ErpAdapterConfig],
      secrets: (c: ErpAdapterConfig) => c.ERP_WEBHOOK_SECRETS,
      ignoredTypes: [SALES_ORDER_CREATED],
    }),
  ],
  controllers: [...HTTP_CONTROLLERS, ...CONSUMERS],
  providers: [
    ...CALLOUTS,
    SyncStateReader,
    ErpChangesPoller,
    ...COMMAND_HANDLERS,
    ...QUERY_HANDLERS,
  ],
})
export class AppModule {}
