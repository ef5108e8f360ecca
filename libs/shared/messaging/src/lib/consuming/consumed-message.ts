import type { IntegrationEvent } from '@switchboard/contracts';
import type { JsMsg } from 'nats';

/** One delivery of an integration event to a durable consumer. */
export interface ConsumedMessage<Data = unknown> {
  readonly event: IntegrationEvent<Data>;
  /** Un-namespaced subject, e.g. `crm.customer.won`. */
  readonly subject: string;
  /** 1 on the first delivery. */
  readonly deliveryCount: number;
  /** Durable consumer name, `<service>__<handler>`: the inbox key's first half. */
  readonly consumer: string;
  /** Wire name of the stream and the message's sequence in it. */
  readonly stream: string;
  readonly streamSequence: number;
  /** The raw message, for headers; the loop acks/naks it, handlers must not. */
  readonly msg: JsMsg;
}

export type ConsumedMessageHandler = (message: ConsumedMessage) => Promise<void>;
