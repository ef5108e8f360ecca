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

    expect(CorrelationContext.fromCloudEvent({ id: 'evt-2', correlationid: 'chain-1', traceparent: tp })).toEqual({
      correlationId: 'chain-1',
      causationId: 'evt-2',
      traceparent: tp,
    });
  });

  it('starts a chain at a CloudEvent without a correlation id', () => {
    expect(CorrelationContext.fromCloudEvent({ id: 'evt-1' })).toEqual({ correlationId: 'evt-1', causationId: 'evt-1', traceparent: undefined });
  });
});
