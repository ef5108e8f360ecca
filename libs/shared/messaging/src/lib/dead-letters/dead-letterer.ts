import { deadLetterSubject, DLQ_STREAM } from '@switchboard/contracts';
import { headers as natsHeaders, type JsMsg, type PubAck } from 'nats';
import { EventHeaders } from '../codec/cloud-event-codec';
import type { JetStreamConnection } from '../connection/jetstream-connection';
import { DeadLetterHeaders, headerSafe, type DeadLetterReason } from './dead-letter-headers';

export interface DeadLetterDetails {
  service: string;
  consumer: string;
  reason: DeadLetterReason;
  error: string;
}

/**
 * Publishes a consumed message to `dlq.<service>`: the original payload and headers, plus why,
 * where from and how often it was delivered. The caller TERMs the original only after this
 * resolves, so a message is never dropped between the two.
 */
export async function publishDeadLetter(
  connection: JetStreamConnection,
  msg: JsMsg,
  details: DeadLetterDetails,
): Promise<PubAck> {
  const { namespace, js } = connection;
  const headers = natsHeaders();
  const original = msg.headers;
  for (const key of original?.keys() ?? []) {
    if (key === EventHeaders.msgId) continue;
    for (const value of original?.values(key) ?? []) headers.append(key, value);
  }
  const originalMsgId = original?.get(EventHeaders.msgId);
  if (originalMsgId) headers.set(DeadLetterHeaders.originalMsgId, originalMsgId);
  headers.set(DeadLetterHeaders.reason, details.reason);
  headers.set(DeadLetterHeaders.error, headerSafe(details.error) || '(no message)');
  headers.set(DeadLetterHeaders.deliveryCount, String(msg.info.redeliveryCount));
  headers.set(DeadLetterHeaders.originalSubject, namespace.unwrapSubject(msg.subject));
  headers.set(DeadLetterHeaders.originalStream, msg.info.stream);
  headers.set(DeadLetterHeaders.originalSequence, String(msg.info.streamSequence));
  headers.set(DeadLetterHeaders.consumer, details.consumer);
  headers.set(DeadLetterHeaders.service, details.service);
  headers.set(DeadLetterHeaders.time, new Date().toISOString());
  return js.publish(namespace.subject(deadLetterSubject(details.service)), msg.data, {
    headers,
    // Own id per (consumer, original message): a retried dead-lettering is stored once, and the
    // same event dead-lettered by two consumers is kept twice (its event id would collide).
    msgID: `dlq:${details.consumer}:${msg.info.stream}:${msg.info.streamSequence}`,
    expect: { streamName: namespace.stream(DLQ_STREAM.name) },
  });
}
