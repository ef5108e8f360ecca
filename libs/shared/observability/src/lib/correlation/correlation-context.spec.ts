import { CorrelationContext } from './correlation-context';

describe('CorrelationContext', () => {
  it('has no ids outside a unit of work', () => {
    expect(CorrelationContext.current()).toBeUndefined();
  });

  it('keeps the ids across awaits inside run and isolates concurrent runs', async () => {
    const seen = await Promise.all(
      ['a', 'b'].map((id) =>
        CorrelationContext.run({ correlationId: id }, async () => {
          await new Promise((resolve) => setTimeout(resolve, id === 'a' ? 20 : 1));
          return CorrelationContext.current()?.correlationId;
        }),
      ),
    );

    expect(seen).toEqual(['a', 'b']);
    expect(CorrelationContext.current()).toBeUndefined();
  });

  it('continues the chain of a received CloudEvent, with the event as the cause', () => {
    const tp = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    expect(CorrelationContext.fromCloudEvent({ id: 'evt-2', source: '/erp-adapter', correlationid: 'chain-1', traceparent: tp, origin: 'crm' })).toEqual({
      correlationId: 'chain-1',
      causationId: 'evt-2',
      traceparent: tp,
      origin: 'crm',
    });
  });

  it('starts a chain at a CloudEvent without a correlation id', () => {
    expect(CorrelationContext.fromCloudEvent({ id: 'evt-1' })).toEqual({ correlationId: 'evt-1', causationId: 'evt-1', traceparent: undefined, origin: undefined });
  });

  it("takes the producer's system as the origin of an event that carries none", () => {
    expect(CorrelationContext.fromCloudEvent({ id: 'evt-3', source: '/contract-adapter' }).origin).toBe('clm');
    expect(CorrelationContext.fromCloudEvent({ id: 'evt-4', source: '/order' }).origin).toBe('order');
  });

  it('starts a chain in the external system that reports a change', () => {
    expect(CorrelationContext.fromExternalChange('erp', 'wh-1')).toEqual({ correlationId: 'wh-1', causationId: 'wh-1', origin: 'erp' });
  });
});
