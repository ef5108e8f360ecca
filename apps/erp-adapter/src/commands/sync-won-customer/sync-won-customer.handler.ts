import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { erpCustomerSyncDecider, erpCustomerSyncStream } from '@switchboard/erp-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { CalloutError } from '@switchboard/webhooks';
import { CrmClient } from '../../callouts/crm.client';
import { ErpClient } from '../../callouts/erp.client';
import { SyncStateReader } from '../../integration/sync-state.reader';
import { refusalReason } from '../refusal-reason';
import { SyncWonCustomerCommand } from './sync-won-customer.command';

/**
 * CRM customer → ERP customer. A redelivery finds the sync done and calls nobody; a crash between
 * the ERP call and the append is safe because the ERP answers the repeated Idempotency-Key with
 * the same customer number. A retryable CalloutError (or the CRM not knowing the customer yet)
 * propagates: JetStream retries with backoff and dead-letters at last.
 */
@CommandHandler(SyncWonCustomerCommand)
export class SyncWonCustomerHandler implements ICommandHandler<SyncWonCustomerCommand, void> {
  private readonly logger = new Logger(SyncWonCustomerHandler.name);

  constructor(
    private readonly executor: CommandExecutor,
    private readonly state: SyncStateReader,
    private readonly crm: CrmClient,
    private readonly erp: ErpClient,
  ) {}

  async execute({ customerId, causingEventId }: SyncWonCustomerCommand): Promise<void> {
    const current = await this.state.customer(customerId);
    if (current.status === 'synced') {
      this.logger.debug(`customer ${customerId} is ERP customer ${current.erpCustomerNumber} already`);
      return;
    }
    // A 404 here is the CRM's read model lagging behind its event: thrown, so the message is retried.
    const details = await this.crm.customer(customerId);
    const stream = erpCustomerSyncStream(customerId);
    let customerNumber: string;
    try {
      ({ customerNumber } = await this.erp.createCustomer({ ...details, externalRef: customerId }, causingEventId));
    } catch (error) {
      if (!(error instanceof CalloutError) || error.retryable || error.status === undefined) throw error;
      this.logger.warn(`the ERP refused customer ${customerId} with ${error.status}: recorded, not retried`);
      await this.executor.execute(stream, erpCustomerSyncDecider, {
        type: 'RecordErpCustomerCreationRefused',
        data: { customerId, httpStatus: error.status, reason: refusalReason(error), refusedAt: new Date() },
      }, { actor: 'system:erp-adapter' });
      return;
    }
    await this.executor.execute(stream, erpCustomerSyncDecider, {
      type: 'RecordErpCustomerCreated',
      data: { customerId, erpCustomerNumber: customerNumber, sent: details, createdAt: new Date() },
    }, { actor: 'system:erp-adapter' });
  }
}
