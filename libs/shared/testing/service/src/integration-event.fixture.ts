import { integrationEventSource, type IntegrationEvent } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';

/**
 * An integration event as its producer would publish it: source from the contract's context,
 * correlation id = event id, time now. `sequence`: the stream revision, stamped as the relay does.
 * `producer`: the publishing service when it is not named as the context (`erp-adapter` for `erp.*`).
 */
export function integrationEvent<Data>(
  contract: { readonly type: string; readonly dataschema: string },
  subject: string,
  data: Data,
  options: { readonly id?: string; readonly sequence?: number; readonly producer?: string } = {},
): IntegrationEvent<Data> {
  const id = options.id ?? randomUUID();
  return {
    id,
    source: integrationEventSource(options.producer ?? contract.type.split('.')[1]),
    type: contract.type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: contract.dataschema,
    correlationid: id,
    ...(options.sequence === undefined ? {} : { sequence: String(options.sequence).padStart(20, '0') }),
    data,
  };
}
