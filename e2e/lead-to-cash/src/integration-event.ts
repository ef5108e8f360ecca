import { integrationEventSource, type EventContract, type IntegrationEvent } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';

/**
 * An integration event as its producer would publish it, for standing in for a service that is not
 * running (the ERP adapter, or the CRM in a benchmark). `id` repeats an event; a new id is a new event.
 */
export function integrationEventOf<Data>(
  contract: EventContract<Data>,
  { producer, subject, data, id = randomUUID() }: { producer: string; subject: string; data: Data; id?: string },
): IntegrationEvent<Data> {
  return {
    id,
    source: integrationEventSource(producer),
    type: contract.type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: contract.dataschema,
    correlationid: id,
    data,
  };
}
