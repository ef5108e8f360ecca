import {
  ERP_ORDER_ACCEPTED,
  ERP_ORDER_UPDATED,
  type ErpOrderAcceptedV1,
  type ErpOrderStatusV1,
  type ErpOrderUpdatedV1,
  type EventContract,
  type IntegrationEvent,
} from '@switchboard/contracts';
import { integrationEvent } from '@switchboard/testing/service';

/** The ERP adapter's events about orders, as it will publish them (next issue); `id` repeats an event. */
function erpEvent<Data extends { orderId: string }>(contract: EventContract<Data>, data: Data, id?: string): IntegrationEvent<Data> {
  return integrationEvent(contract, data.orderId, data, { producer: 'erp-adapter', ...(id === undefined ? {} : { id }) });
}

/** One ERP change per day from 1 April: `changedAt` grows with `erpVersion`, as the ERP's record does. */
export function erpTime(erpVersion: number): string {
  return new Date(Date.UTC(2025, 3, erpVersion, 10)).toISOString();
}

export function erpOrderAccepted(orderId: string, erpOrderNumber: string, options: { id?: string } = {}): IntegrationEvent<ErpOrderAcceptedV1> {
  return erpEvent(
    ERP_ORDER_ACCEPTED,
    {
      orderId,
      erpOrderNumber,
      lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: '11.90' }],
      conditions: { paymentTerms: 'NET30', incoterms: 'DAP' },
      erpVersion: 1,
      acceptedAt: erpTime(1),
    },
    options.id,
  );
}

export function erpOrderUpdated(
  orderId: string,
  erpOrderNumber: string,
  status: ErpOrderStatusV1,
  erpVersion: number,
  options: { id?: string } = {},
): IntegrationEvent<ErpOrderUpdatedV1> {
  return erpEvent(ERP_ORDER_UPDATED, { orderId, erpOrderNumber, status, erpVersion, changedAt: erpTime(erpVersion) }, options.id);
}
