import {
  ORDER_ACCEPTED,
  ORDER_CANCELLED,
  ORDER_PLACED,
  ORDER_REJECTED,
  ORDER_STATUS_CHANGED,
  type EventContract,
} from '@switchboard/contracts';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import type { IntegrationEventDraft } from '@switchboard/messaging';
import type { OrderEvent } from '@switchboard/order-domain';

/**
 * Order domain events → `order.*` integration events, for the relay. Every Order event is public;
 * the data is copied field by field so a new private field in a domain event never leaks.
 */
export function orderToContracts(event: RecordedEvent): IntegrationEventDraft | null {
  const domain = { type: event.type, data: event.data } as OrderEvent;
  switch (domain.type) {
    case 'OrderPlaced': {
      const { orderId, customerId, currency, lines, placedAt } = domain.data;
      return draft(ORDER_PLACED, {
        orderId,
        customerId,
        currency,
        lines: lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
        placedAt,
      });
    }
    case 'OrderAccepted': {
      const { orderId, customerId, erpOrderNumber, lines, conditions, acceptedAt } = domain.data;
      return draft(ORDER_ACCEPTED, {
        orderId,
        customerId,
        erpOrderNumber,
        lines: lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
        conditions: { ...conditions },
        acceptedAt,
      });
    }
    case 'OrderRejected': {
      const { orderId, customerId, reason, rejectedAt } = domain.data;
      return draft(ORDER_REJECTED, { orderId, customerId, reason, rejectedAt });
    }
    case 'OrderStatusChanged': {
      const { orderId, customerId, from, to, erpVersion, changedAt } = domain.data;
      return draft(ORDER_STATUS_CHANGED, { orderId, customerId, from, to, erpVersion, changedAt });
    }
    case 'OrderCancelled': {
      const { orderId, customerId, from, reason, cancelledAt } = domain.data;
      return draft(ORDER_CANCELLED, { orderId, customerId, from, reason, cancelledAt });
    }
    default:
      return null;
  }
}

function draft<Data>(contract: EventContract<Data>, data: Data): IntegrationEventDraft<Data> {
  return { type: contract.type, dataschema: contract.dataschema, data };
}
