import { randomUUID } from 'node:crypto';
import { integrationEventType, type IntegrationEvent } from '@switchboard/contracts';

/** A valid integration event of `subject` about aggregate `aggregateId`. */
export function anEvent<Data>(subject: string, aggregateId: string, data: Data): IntegrationEvent<Data> {
  const id = randomUUID();
  return {
    id,
    source: `/${subject.split('.')[0]}`,
    type: integrationEventType(subject, 1),
    subject: aggregateId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: id,
    data,
  };
}
