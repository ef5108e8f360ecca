import { contractRecordEventTypes, customerEventTypes } from '@switchboard/crm-domain';
import { EventTypeRegistry } from '@switchboard/event-sourcing';

/** The event types the CRM persists (Customer and ContractRecord streams), by their stable names. */
export function crmEventTypeRegistry(): EventTypeRegistry {
  const registry = new EventTypeRegistry();
  for (const [type, definition] of Object.entries({ ...customerEventTypes, ...contractRecordEventTypes })) {
    registry.register(type, definition);
  }
  return registry;
}
