import { streamForSubject, type IntegrationEvent } from '@switchboard/contracts';
import type { PubAck } from 'nats';
import { encodeIntegrationEvent } from '../codec/cloud-event-codec';
import type { JetStreamConnection } from '../connection/jetstream-connection';

export interface PublishOptions {
  /** Overrides Nats-Msg-Id (default: the event id). */
  msgID?: string;
  /** Milliseconds to wait for the stream's ack. */
  timeoutMs?: number;
}

/**
 * Publishes integration events to JetStream: on the subject named by the event type (in the
 * connection's namespace), with Nats-Msg-Id = event id and the owning stream expected, so a
 * republish within the duplicate window is acknowledged as a duplicate instead of stored twice.
 */
export class IntegrationEventPublisher {
  constructor(private readonly connection: JetStreamConnection) {}

  /**
   * Resolves with the stream's ack once the event is stored (`ack.duplicate` is true when the
   * stream already held it); rejects if the event is invalid or the stream did not ack.
   */
  async publish(event: IntegrationEvent, options: PublishOptions = {}): Promise<PubAck> {
    const encoded = encodeIntegrationEvent(event);
    const { namespace, js } = this.connection;
    return js.publish(namespace.subject(encoded.subject), encoded.data, {
      headers: encoded.headers,
      msgID: options.msgID ?? encoded.msgID,
      expect: { streamName: namespace.stream(streamForSubject(encoded.subject).name) },
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    });
  }
}
