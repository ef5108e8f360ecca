import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ErpCustomerNotSynced, erpOrderSyncDecider, erpOrderSyncStream } from '@switchboard/erp-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { CalloutError } from '@switchboard/webhooks';
import { ErpClient } from '../../callouts/erp.client';
import { SyncStateReader } from '../../integration/sync-state.reader';
import { refusalReason } from '../refusal-reason';
import { SubmitOrderCommand } from './submit-order.command';

/** The ERP's refusals of an order: validation (400) and business rules (422). */
const REJECTIONS = [400, 422];

/**
 * order.placed → ERP sales order → accepted (number, confirmed lines, conditions, version) or
 * rejected (reason). An order already answered calls nobody. A customer not in the ERP yet throws
 * ErpCustomerNotSynced: JetStream retries the message until `crm.customer.won` has been handled.
 */
@CommandHandler(SubmitOrderCommand)
export class SubmitOrderHandler implements ICommandHandler<SubmitOrderCommand, void> {
  private readonly logger = new Logger(SubmitOrderHandler.name);

  constructor(
    private readonly executor: CommandExecutor,
    private readonly state: SyncStateReader,
    private readonly erp: ErpClient,
  ) {}

  async execute({ order, causingEventId }: SubmitOrderCommand): Promise<void> {
    const { orderId, customerId, currency, lines } = order;
    const { state: current, stored } = await this.state.order(orderId);
    if (current.status !== 'initial') {
      this.logger.debug(`order ${orderId} was ${current.status} by the ERP already`);
      return;
    }
    const erpCustomerNumber = await this.state.erpCustomerNumber(customerId);
    if (erpCustomerNumber === undefined) throw new ErpCustomerNotSynced(customerId);
    const stream = erpOrderSyncStream(orderId);
    try {
      const accepted = await this.erp.placeSalesOrder(
        {
          externalRef: orderId,
          customerNumber: erpCustomerNumber,
          currency,
          lines: lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, ...(unitPrice === null ? {} : { unitPrice }) })),
        },
        causingEventId,
      );
      await this.executor.execute(stream, erpOrderSyncDecider, {
        type: 'RecordErpOrderAccepted',
        data: {
          orderId,
          customerId,
          erpCustomerNumber,
          erpOrderNumber: accepted.orderNumber,
          lines: accepted.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
          conditions: accepted.conditions,
          erpVersion: accepted.version,
          acceptedAt: new Date(accepted.createdAt),
        },
      }, { actor: 'system:erp-adapter', stored });
    } catch (error) {
      if (!(error instanceof CalloutError) || error.status === undefined || !REJECTIONS.includes(error.status)) throw error;
      await this.executor.execute(stream, erpOrderSyncDecider, {
        type: 'RecordErpOrderRejected',
        data: { orderId, customerId, erpCustomerNumber, reason: refusalReason(error), rejectedAt: new Date() },
      }, { actor: 'system:erp-adapter', stored });
    }
  }
}
