import { BaseRpcContext } from '@nestjs/microservices';
import type { IntegrationEvent } from '@switchboard/contracts';
import type { MsgHdrs } from 'nats';
import type { ConsumedMessage } from '../consuming/consumed-message';

/** The `@Ctx()` of a JetStream `@EventPattern` handler. */
export class JetStreamContext extends BaseRpcContext<[ConsumedMessage]> {
  getMessage(): ConsumedMessage {
    return this.args[0];
  }

  getEvent<Data = unknown>(): IntegrationEvent<Data> {
    return this.args[0].event as IntegrationEvent<Data>;
  }

  /** Un-namespaced subject, e.g. `crm.customer.won`. */
  getSubject(): string {
    return this.args[0].subject;
  }

  /** Durable consumer name `<service>__<handler>`: pair it with the event id for the inbox. */
  getConsumer(): string {
    return this.args[0].consumer;
  }

  /** 1 on the first delivery. */
  getDeliveryCount(): number {
    return this.args[0].deliveryCount;
  }

  getHeaders(): MsgHdrs | undefined {
    return this.args[0].msg.headers;
  }
}
