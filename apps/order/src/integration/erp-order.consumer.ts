import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ERP_ORDER_ACCEPTED,
  ERP_ORDER_REJECTED,
  ERP_ORDER_UPDATED,
  type ErpOrderAcceptedV1,
  type ErpOrderRejectedV1,
  type ErpOrderUpdatedV1,
  type IntegrationEvent,
} from '@switchboard/contracts';
import { CorrelationContext } from '@switchboard/observability';
import { AcceptOrderByErpCommand } from '../commands/accept-order-by-erp/accept-order-by-erp.command';
import { ChangeOrderStatusCommand } from '../commands/change-order-status/change-order-status.command';
import { RejectOrderByErpCommand } from '../commands/reject-order-by-erp/reject-order-by-erp.command';

/**
 * The ERP's answers about orders, through the command path. One durable consumer for all of
 * `erp.order.*`, so an order's ERP events are taken in the order the ERP adapter published them.
 * Idempotent through the Order aggregate (a repeat appends nothing; an update at an erpVersion
 * already applied is acked and ignored). A refusal (e.g. an update overtaking the acceptance, or an
 * order not known yet) throws: the message is NAKed, retried with backoff, and dead-lettered at last.
 */
@Controller()
export class ErpOrderConsumer {
  private readonly logger = new Logger(ErpOrderConsumer.name);

  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern('erp.order.*', { handler: 'erp-order' })
  handle(@Payload() event: IntegrationEvent): Promise<void> {
    return CorrelationContext.run(CorrelationContext.fromCloudEvent(event), async () => {
      switch (event.type) {
        case ERP_ORDER_ACCEPTED.type:
          return this.commandBus.execute(new AcceptOrderByErpCommand(event.data as ErpOrderAcceptedV1));
        case ERP_ORDER_REJECTED.type:
          return this.commandBus.execute(new RejectOrderByErpCommand(event.data as ErpOrderRejectedV1));
        case ERP_ORDER_UPDATED.type:
          return this.commandBus.execute(new ChangeOrderStatusCommand(event.data as ErpOrderUpdatedV1));
        default:
          this.logger.debug(`ignoring ${event.type} ${event.id}: not an event the order service applies`);
      }
    });
  }
}
