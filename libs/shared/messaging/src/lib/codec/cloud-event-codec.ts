import { isOriginSystem, ORIGIN_SYSTEMS, parseIntegrationEventType, type IntegrationEvent } from '@switchboard/contracts';
import { CloudEvent, ValidationError } from 'cloudevents';
import { headers as natsHeaders, type MsgHdrs } from 'nats';

/** Content type of a CloudEvent in structured JSON mode (the CloudEvents NATS binding). */
export const CLOUDEVENTS_JSON = 'application/cloudevents+json';

/**
 * Header names set beside the structured body. The body is authoritative; the `ce-*` copies let
 * tooling (DLQ listing, routing, tracing) read id and type without parsing the payload.
 */
export const EventHeaders = {
  contentType: 'Content-Type',
  msgId: 'Nats-Msg-Id',
  id: 'ce-id',
  type: 'ce-type',
  source: 'ce-source',
  subject: 'ce-subject',
  traceparent: 'traceparent',
} as const;

export interface EncodedIntegrationEvent {
  /** Un-namespaced NATS subject, from the event type (`switchboard.crm.customer.won.v1` → `crm.customer.won`). */
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers: MsgHdrs;
  /** Nats-Msg-Id: the event id, so JetStream drops a republish within its duplicate window. */
  readonly msgID: string;
}

export class InvalidIntegrationEventError extends Error {
  override readonly name = 'InvalidIntegrationEventError';
}

const REQUIRED = ['id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'correlationid'] as const;

/**
 * Encodes an integration event as a structured JSON CloudEvent. The cloudevents SDK validates
 * it first (as do our own rules: type/source shape, required extensions), so an event it
 * rejects never reaches the wire.
 */
export function encodeIntegrationEvent(event: IntegrationEvent): EncodedIntegrationEvent {
  // We never publish a system nobody knows; decoding stays lenient, so a newer producer's
  // origin does not dead-letter an older consumer's messages (it is then simply no echo).
  if (event.origin !== undefined && !isOriginSystem(event.origin)) {
    throw new InvalidIntegrationEventError(`origin must be one of ${ORIGIN_SYSTEMS.join(', ')}, got ${String(event.origin)}`);
  }
  const cloudEvent = toCloudEvent(event as unknown as Record<string, unknown>);
  const { subject } = parseIntegrationEventType(cloudEvent.type);
  const headers = natsHeaders();
  headers.set(EventHeaders.contentType, CLOUDEVENTS_JSON);
  headers.set(EventHeaders.msgId, cloudEvent.id);
  headers.set(EventHeaders.id, cloudEvent.id);
  headers.set(EventHeaders.type, cloudEvent.type);
  headers.set(EventHeaders.source, cloudEvent.source);
  headers.set(EventHeaders.subject, String(cloudEvent.subject));
  if (typeof cloudEvent['traceparent'] === 'string') headers.set(EventHeaders.traceparent, cloudEvent['traceparent']);
  return {
    subject,
    data: new TextEncoder().encode(JSON.stringify(cloudEvent)),
    headers,
    msgID: cloudEvent.id,
  };
}

/** Decodes and validates a message body; throws {@link InvalidIntegrationEventError} for anything else. */
export function decodeIntegrationEvent<Data = unknown>(data: Uint8Array): IntegrationEvent<Data> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch (error) {
    throw new InvalidIntegrationEventError(`message body is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidIntegrationEventError('message body is not a JSON object');
  }
  const cloudEvent = toCloudEvent(parsed as Record<string, unknown>);
  return toIntegrationEvent<Data>(cloudEvent);
}

function toCloudEvent(attributes: Record<string, unknown>): CloudEvent<unknown> {
  // The SDK invents an id and time when they are missing: for us that would be a silent bug.
  const missing = REQUIRED.filter((key) => typeof attributes[key] !== 'string' || attributes[key] === '');
  if (missing.length > 0) {
    throw new InvalidIntegrationEventError(`integration event lacks ${missing.join(', ')}`);
  }
  if (!('data' in attributes) || attributes['data'] === undefined) {
    throw new InvalidIntegrationEventError(`integration event ${String(attributes['id'])} has no data`);
  }
  if (attributes['specversion'] !== undefined && attributes['specversion'] !== '1.0') {
    throw new InvalidIntegrationEventError(`unsupported CloudEvents specversion ${String(attributes['specversion'])}`);
  }
  if (attributes['datacontenttype'] !== 'application/json') {
    throw new InvalidIntegrationEventError(`datacontenttype must be application/json, got ${String(attributes['datacontenttype'])}`);
  }
  if (!String(attributes['source']).startsWith('/')) {
    throw new InvalidIntegrationEventError(`source must be "/<service>", got ${String(attributes['source'])}`);
  }
  let cloudEvent: CloudEvent<unknown>;
  try {
    const defined = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
    cloudEvent = new CloudEvent<unknown>({ ...defined, specversion: '1.0' });
  } catch (error) {
    const detail = error instanceof ValidationError ? `${error.message} ${JSON.stringify(error.errors ?? [])}` : String(error);
    throw new InvalidIntegrationEventError(`not a valid CloudEvent: ${detail}`);
  }
  try {
    parseIntegrationEventType(cloudEvent.type);
  } catch (error) {
    throw new InvalidIntegrationEventError((error as Error).message);
  }
  return cloudEvent;
}

function toIntegrationEvent<Data>(cloudEvent: CloudEvent<unknown>): IntegrationEvent<Data> {
  const optional = (key: string) => (typeof cloudEvent[key] === 'string' ? { [key]: cloudEvent[key] as string } : {});
  return {
    id: cloudEvent.id,
    source: cloudEvent.source,
    type: cloudEvent.type,
    subject: cloudEvent.subject as string,
    time: cloudEvent.time as string,
    datacontenttype: 'application/json',
    ...optional('dataschema'),
    correlationid: cloudEvent['correlationid'] as string,
    ...optional('causationid'),
    ...optional('traceparent'),
    ...optional('sequence'),
    ...optional('origin'),
    data: cloudEvent.data as Data,
  };
}
