import { deadLetterSubject, findStreamForSubject, STREAMS, streamForSubject } from './streams';

describe('stream catalogue', () => {
  it('declares one stream per producing context plus the dead-letter stream', () => {
    expect(STREAMS.map((s) => [s.name, s.subjects])).toEqual([
      ['CRM', ['crm.>']],
      ['ORDER', ['order.>']],
      ['ERP', ['erp.>']],
      ['CONTRACT', ['contract.>']],
      ['DLQ', ['dlq.>']],
    ]);
  });

  it('finds the stream of a subject by its first token', () => {
    expect(streamForSubject('crm.customer.won').name).toBe('CRM');
    expect(streamForSubject('contract.signed-copy.stored').name).toBe('CONTRACT');
    expect(streamForSubject('order.*').name).toBe('ORDER');
    expect(streamForSubject('dlq.crm').name).toBe('DLQ');
  });

  it('rejects a subject no stream holds', () => {
    expect(findStreamForSubject('billing.invoice.sent')).toBeUndefined();
    expect(() => streamForSubject('billing.invoice.sent')).toThrow(/no stream holds subject "billing.invoice.sent"/);
  });

  it('names the dead-letter subject of a service', () => {
    expect(deadLetterSubject('erp-adapter')).toBe('dlq.erp-adapter');
  });
});
