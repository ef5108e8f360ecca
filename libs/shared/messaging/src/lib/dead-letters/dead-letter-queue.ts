import { deadLetterSubject, DLQ_STREAM, streamForSubject } from '@switchboard/contracts';
import { headers as natsHeaders, type MsgHdrs, type MsgRequest, type PubAck, type StoredMsg } from 'nats';
import { EventHeaders } from '../codec/cloud-event-codec';
import type { JetStreamConnection } from '../connection/jetstream-connection';
import { isNoMessageFound } from '../nats-errors';
import { DeadLetterHeaders } from './dead-letter-headers';

/** A dead-lettered message as stored in the DLQ stream. */
export interface DeadLetter {
  /** Sequence in the DLQ stream: what show/replay take. */
  readonly seq: number;
  readonly service: string;
  readonly deadLetteredAt: string;
  readonly reason: string;
  readonly error: string;
  readonly deliveryCount: number;
  readonly consumer: string;
  /** Un-namespaced subject the message was consumed from. */
  readonly originalSubject: string;
  readonly originalStream: string;
  readonly originalSequence: number;
  readonly originalMsgId?: string;
  /** From the `ce-*` headers, when the message was an integration event. */
  readonly eventId?: string;
  readonly eventType?: string;
  /** The original message's headers (without the Dlq-* ones). */
  readonly headers: Readonly<Record<string, string[]>>;
  /** The original payload, byte for byte. */
  readonly data: Uint8Array;
}

export interface ListDeadLettersOptions {
  /** Only this consuming service's dead letters (`dlq.<service>`); all services by default. */
  service?: string;
  /** At most this many, oldest first. Default 50. */
  limit?: number;
  /** Start at this DLQ sequence (paging: last seq + 1). Default 1. */
  fromSeq?: number;
}

export interface ReplayResult {
  readonly deadLetter: DeadLetter;
  /** Ack of the republished original; `duplicate` when an earlier replay of it was already stored. */
  readonly ack: PubAck;
}

/** Dead letters, oldest first; walks the DLQ stream by subject with message gets (no consumer). */
export async function listDeadLetters(
  connection: JetStreamConnection,
  { service, limit = 50, fromSeq = 1 }: ListDeadLettersOptions = {},
): Promise<DeadLetter[]> {
  const { namespace, jsm } = connection;
  const stream = namespace.stream(DLQ_STREAM.name);
  const subject = namespace.subject(service ? deadLetterSubject(service) : `${DLQ_STREAM.context}.>`);
  const found: DeadLetter[] = [];
  let seq = fromSeq;
  while (found.length < limit) {
    // STREAM.MSG.GET accepts next_by_subj (nats-server >= 2.9); nats.js types only seq/last_by_subj.
    const query = { seq, next_by_subj: subject } as unknown as MsgRequest;
    const stored = await jsm.streams.getMessage(stream, query).catch((error: unknown) => {
      if (isNoMessageFound(error)) return undefined;
      throw error;
    });
    if (!stored) break;
    found.push(toDeadLetter(stored));
    seq = stored.seq + 1;
  }
  return found;
}

/** One dead letter by its DLQ sequence; a clear error when there is none. */
export async function showDeadLetter(connection: JetStreamConnection, seq: number): Promise<DeadLetter> {
  const { namespace, jsm } = connection;
  const stream = namespace.stream(DLQ_STREAM.name);
  const stored = await jsm.streams.getMessage(stream, { seq }).catch((error: unknown) => {
    if (isNoMessageFound(error)) return undefined;
    throw error;
  });
  if (!stored) throw new Error(`no dead letter #${seq} in stream ${stream}`);
  return toDeadLetter(stored);
}

/**
 * Republishes the original message, payload and headers unchanged, to its original subject, then
 * deletes the dead letter. The CloudEvent id stays the same (consumers that handled the event
 * already skip it through their inbox); the Nats-Msg-Id becomes `<eventId>:replay:<dlqSeq>`,
 * because JetStream would drop the original id as a duplicate within its window. A replay
 * interrupted before the delete can be re-run: the same id makes the republish a duplicate.
 */
export async function replayDeadLetter(connection: JetStreamConnection, seq: number): Promise<ReplayResult> {
  const deadLetter = await showDeadLetter(connection, seq);
  const { namespace, js, jsm } = connection;
  const headers = natsHeaders();
  for (const [key, values] of Object.entries(deadLetter.headers)) {
    for (const value of values) headers.append(key, value);
  }
  const originalId = deadLetter.eventId ?? deadLetter.originalMsgId ?? `${deadLetter.originalStream}-${deadLetter.originalSequence}`;
  const ack = await js.publish(namespace.subject(deadLetter.originalSubject), deadLetter.data, {
    headers,
    msgID: `${originalId}:replay:${seq}`,
    expect: { streamName: namespace.stream(streamForSubject(deadLetter.originalSubject).name) },
  });
  await jsm.streams.deleteMessage(namespace.stream(DLQ_STREAM.name), seq);
  connection.logger.log(
    `dead letter #${seq} (${deadLetter.eventType ?? 'message'} ${originalId}) replayed to ${deadLetter.originalSubject} as ${ack.stream}#${ack.seq}${ack.duplicate ? ' (already replayed before)' : ''}`,
  );
  return { deadLetter, ack };
}

function toDeadLetter(stored: StoredMsg): DeadLetter {
  const header = (key: string) => stored.header?.get(key) || undefined;
  return {
    seq: stored.seq,
    service: header(DeadLetterHeaders.service) ?? '',
    deadLetteredAt: header(DeadLetterHeaders.time) ?? stored.time.toISOString(),
    reason: header(DeadLetterHeaders.reason) ?? '',
    error: header(DeadLetterHeaders.error) ?? '',
    deliveryCount: Number(header(DeadLetterHeaders.deliveryCount) ?? 0),
    consumer: header(DeadLetterHeaders.consumer) ?? '',
    originalSubject: header(DeadLetterHeaders.originalSubject) ?? '',
    originalStream: header(DeadLetterHeaders.originalStream) ?? '',
    originalSequence: Number(header(DeadLetterHeaders.originalSequence) ?? 0),
    originalMsgId: header(DeadLetterHeaders.originalMsgId),
    eventId: header(EventHeaders.id),
    eventType: header(EventHeaders.type),
    headers: originalHeaders(stored.header),
    data: stored.data,
  };
}

const DLQ_HEADER_NAMES = new Set<string>(Object.values(DeadLetterHeaders));

function originalHeaders(header: MsgHdrs | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const key of header?.keys() ?? []) {
    if (!DLQ_HEADER_NAMES.has(key) && key !== EventHeaders.msgId) result[key] = header?.values(key) ?? [];
  }
  return result;
}
