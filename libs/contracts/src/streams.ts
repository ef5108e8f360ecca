/**
 * The JetStream stream catalogue: one stream per producing context plus the dead-letter stream.
 * Plain data, so producers, consumers, provisioning and the AsyncAPI document share one source.
 */
export interface StreamDefinition {
  /** Stream name as JetStream knows it (upper case). */
  readonly name: string;
  /** First subject token of every subject the stream holds (`crm` for `crm.customer.won`). */
  readonly context: string;
  /** Subjects the stream captures. */
  readonly subjects: readonly string[];
  readonly description: string;
}

export const CRM_STREAM = defineStream('CRM', 'crm', 'Integration events published by the CRM service');
export const ORDER_STREAM = defineStream('ORDER', 'order', 'Integration events published by the order service');
export const ERP_STREAM = defineStream('ERP', 'erp', 'Integration events published by the ERP adapter');
export const CONTRACT_STREAM = defineStream('CONTRACT', 'contract', 'Integration events published by the contract adapter');
/** Dead letters: `dlq.<service>` holds what a service's consumers gave up on. */
export const DLQ_STREAM = defineStream('DLQ', 'dlq', 'Messages a consumer gave up on, per consuming service');

export const STREAMS: readonly StreamDefinition[] = [CRM_STREAM, ORDER_STREAM, ERP_STREAM, CONTRACT_STREAM, DLQ_STREAM];

/** The stream that holds `subject` (a subject or a subject pattern), or undefined if none does. */
export function findStreamForSubject(subject: string): StreamDefinition | undefined {
  const context = subject.split('.', 1)[0];
  return STREAMS.find((stream) => stream.context === context);
}

/** Like {@link findStreamForSubject}, but a subject outside the catalogue is an error. */
export function streamForSubject(subject: string): StreamDefinition {
  const stream = findStreamForSubject(subject);
  if (!stream) {
    throw new Error(
      `no stream holds subject "${subject}": its first token must be one of ${STREAMS.map((s) => s.context).join(', ')}`,
    );
  }
  return stream;
}

/** The dead-letter subject of a consuming service. */
export function deadLetterSubject(service: string): string {
  return `${DLQ_STREAM.context}.${service}`;
}

function defineStream(name: string, context: string, description: string): StreamDefinition {
  return Object.freeze({ name, context, subjects: Object.freeze([`${context}.>`]), description });
}
