/** Headers a dead letter carries beside the original message's own headers. */
export const DeadLetterHeaders = {
  reason: 'Dlq-Reason',
  error: 'Dlq-Error',
  deliveryCount: 'Dlq-Delivery-Count',
  /** Un-namespaced subject the message was consumed from (replay publishes there again). */
  originalSubject: 'Dlq-Original-Subject',
  /** Wire name of the stream the message came from. */
  originalStream: 'Dlq-Original-Stream',
  originalSequence: 'Dlq-Original-Sequence',
  /** The original Nats-Msg-Id (the dead letter gets its own, see dead-letterer.ts). */
  originalMsgId: 'Dlq-Original-Msg-Id',
  consumer: 'Dlq-Consumer',
  service: 'Dlq-Service',
  time: 'Dlq-Time',
} as const;

export type DeadLetterReason =
  /** The handler failed on the last allowed delivery. */
  | 'handler-failed'
  /** The payload is not a valid integration event: retrying cannot help. */
  | 'undecodable'
  /** Delivered more often than allowed without an outcome (crashes, an earlier failed dead-lettering). */
  | 'max-deliveries-exceeded';

/** Header values are single-line; long errors are cut so a message stays small. */
export function headerSafe(value: string, maxLength = 2_000): string {
  const line = value.replace(/[\r\n]+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
