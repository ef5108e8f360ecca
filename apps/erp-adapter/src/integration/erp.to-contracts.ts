import {
  ERP_CUSTOMER_CREATED,
  ERP_ORDER_ACCEPTED,
  ERP_ORDER_REJECTED,
  ERP_ORDER_UPDATED,
  type EventContract,
} from '@switchboard/contracts';
import type { ErpCustomerSyncEvent, ErpOrderSyncEvent } from '@switchboard/erp-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import type { IntegrationEventDraft } from '@switchboard/messaging';

/**
 * Sync domain events → `erp.*` integration events, for the relay; the data is copied field by
 * field so a private field never leaks. Refusals and pushed conditions stay private (no consumer
 * needs them; the query API shows them). An ERP change's event id derives from the ERP order and
 * record version: whichever channel brought it, the same change is the same message.
 */
export function erpToContracts(event: RecordedEvent): IntegrationEventDraft | null {
  const domain = { type: event.type, data: event.data } as ErpCustomerSyncEvent | ErpOrderSyncEvent;
  switch (domain.type) {
    case 'ErpCustomerCreated': {
      const { customerId, erpCustomerNumber, createdAt } = domain.data;
      return draft(ERP_CUSTOMER_CREATED, { customerId, erpCustomerNumber, createdAt });
    }
    case 'ErpOrderAccepted': {
      const { orderId, erpOrderNumber, lines, conditions, erpVersion, acceptedAt } = domain.data;
      return draft(ERP_ORDER_ACCEPTED, {
        orderId,
        erpOrderNumber,
        lines: lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
        conditions: { ...conditions },
        erpVersion,
        acceptedAt,
      });
    }
    case 'ErpOrderRejected': {
      const { orderId, reason, rejectedAt } = domain.data;
      return draft(ERP_ORDER_REJECTED, { orderId, reason, rejectedAt });
    }
    case 'ErpOrderChanged': {
      const { orderId, erpOrderNumber, status, erpVersion, changedAt } = domain.data;
      return { ...draft(ERP_ORDER_UPDATED, { orderId, erpOrderNumber, status, erpVersion, changedAt }), id: `erp-order-change:${erpOrderNumber}:${erpVersion}` };
    }
    default:
      return null;
  }
}

function draft<Data>(contract: EventContract<Data>, data: Data): IntegrationEventDraft<Data> {
  return { type: contract.type, dataschema: contract.dataschema, data };
}
