import { Module } from '@nestjs/common';
import { ServiceChassisModule } from '@switchboard/chassis';
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
    ServiceChassisModule.forRoot({
      config: CrmConfig,
      entities: ENTITIES,
      eventTypes: crmEventTypeRegistry(),
      relay: crmToContracts,
      projections: PROJECTIONS,
      idempotency: true,
    }),
  ],
  controllers: [...HTTP_CONTROLLERS, ...CONSUMERS],
  providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class AppModule {}
