import { clmCustomerSyncEventTypes, contractEventTypes } from '@switchboard/contract-domain';
import { EventTypeRegistry } from '@switchboard/event-sourcing';

/** The event types the contract adapter persists (Contract and ClmCustomerSync streams), by their stable names. */
export function contractAdapterEventTypeRegistry(): EventTypeRegistry {
  const registry = new EventTypeRegistry();
  for (const [type, definition] of Object.entries({ ...contractEventTypes, ...clmCustomerSyncEventTypes })) {
    registry.register(type, definition);
  }
  return registry;
}
