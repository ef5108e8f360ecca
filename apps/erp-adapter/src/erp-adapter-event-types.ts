import { erpCustomerSyncEventTypes, erpOrderSyncEventTypes } from '@switchboard/erp-domain';
import { EventTypeRegistry } from '@switchboard/event-sourcing';

/** The event types the ERP adapter persists, by their stable names. */
export function erpAdapterEventTypeRegistry(): EventTypeRegistry {
  const registry = new EventTypeRegistry();
  for (const [type, definition] of Object.entries({ ...erpCustomerSyncEventTypes, ...erpOrderSyncEventTypes })) registry.register(type, definition);
  return registry;
}
