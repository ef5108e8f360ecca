import { EventTypeRegistry } from '@switchboard/event-sourcing';
import { orderEventTypes } from '@switchboard/order-domain';

/** The event types the order service persists, by their stable names. */
export function orderEventTypeRegistry(): EventTypeRegistry {
  const registry = new EventTypeRegistry();
  for (const [type, definition] of Object.entries(orderEventTypes)) registry.register(type, definition);
  return registry;
}
