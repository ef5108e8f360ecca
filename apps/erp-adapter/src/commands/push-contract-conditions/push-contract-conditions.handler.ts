import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ErpCustomerNotSynced, erpCustomerSyncDecider, erpCustomerSyncStream, type ErpCustomerConditions } from '@switchboard/erp-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { ClmClient } from '../../callouts/clm.client';
import { ErpClient } from '../../callouts/erp.client';
import { SyncStateReader } from '../../integration/sync-state.reader';
import { PushContractConditionsCommand } from './push-contract-conditions.command';

/**
 * contract.signed → the contract's conditions from the CLM (the event carries none) → the ERP
 * customer's conditions. Conditions already pushed are not pushed again; a customer not in the
 * ERP yet throws ErpCustomerNotSynced, so the message is retried.
 */
@CommandHandler(PushContractConditionsCommand)
export class PushContractConditionsHandler implements ICommandHandler<PushContractConditionsCommand, void> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly state: SyncStateReader,
    private readonly clm: ClmClient,
    private readonly erp: ErpClient,
  ) {}

  async execute({ signed, causingEventId }: PushContractConditionsCommand): Promise<void> {
    const { customerId, clmContractId } = signed;
    const customer = await this.state.customer(customerId);
    if (customer.status !== 'synced') throw new ErpCustomerNotSynced(customerId);
    if (customer.conditions?.contractId === clmContractId) return;
    const { paymentTerms, discountPercent, validFrom, validTo } = await this.clm.contractConditions(clmContractId);
    const conditions: ErpCustomerConditions = { contractId: clmContractId, paymentTerms, discountPercent, validFrom, validTo: validTo ?? null };
    await this.erp.setConditions(customer.erpCustomerNumber, conditions, causingEventId);
    await this.executor.execute(erpCustomerSyncStream(customerId), erpCustomerSyncDecider, {
      type: 'RecordErpCustomerConditionsPushed',
      data: { customerId, conditions, pushedAt: new Date() },
    }, { actor: 'system:erp-adapter' });
  }
}
