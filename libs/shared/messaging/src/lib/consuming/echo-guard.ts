import { isEchoTo, type IntegrationEvent, type OriginSystem } from '@switchboard/contracts';
import { getOrCreateCounter } from '@switchboard/observability';
import { consoleMessagingLogger, type MessagingLogger } from '../messaging-logger';

/**
 * Loop prevention, for a consumer about to write `event`'s change into the external `system`:
 * true when the change started in that system (the event's origin), so writing it would echo it
 * back. The skip is logged and counted (`switchboard_echoes_skipped_total{system,type}`); the
 * caller acknowledges the event without the write. Reads from that system are no echo: only
 * writes ask.
 */
export function skipsEchoTo(system: OriginSystem, event: IntegrationEvent, logger: MessagingLogger = consoleMessagingLogger): boolean {
  if (!isEchoTo(event, system)) return false;
  logger.log(`not writing ${event.type} ${event.id} (subject ${event.subject}) into ${system}: the change started there`);
  echoesSkipped().inc({ system, type: event.type });
  return true;
}

const echoesSkipped = () =>
  getOrCreateCounter({
    name: 'echoes_skipped_total',
    help: 'Integration events not written into an external system because their change started there, by system and event type',
    labelNames: ['system', 'type'],
  });
