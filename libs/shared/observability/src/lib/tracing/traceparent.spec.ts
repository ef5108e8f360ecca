import { trace } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { CorrelationContext } from '../correlation/correlation-context';
import { startTracing } from './start-tracing';
import { currentTraceparent, withTraceparent } from './traceparent';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

describe('traceparent helpers without tracing', () => {
  it('pass on the traceparent the unit of work received', () => {
    expect(currentTraceparent()).toBeUndefined();
    expect(CorrelationContext.run({ correlationId: 'c' }, () => withTraceparent(TRACEPARENT, currentTraceparent))).toBe(TRACEPARENT);
  });
});

describe('traceparent helpers with tracing on', () => {
  let sdk: NodeSDK;
  // Nothing listens on port 9: spans are dropped quietly, the propagation under test is local.
  beforeAll(() => {
    sdk = startTracing({ serviceName: 'test', endpoint: 'http://127.0.0.1:9' });
  });
  afterAll(() => sdk.shutdown());

  it('continue the trace of a received traceparent in spans started inside', () => {
    const child = withTraceparent(TRACEPARENT, () => {
      // Not ended: exporting needs a dynamic import that Jest's VM refuses; the context is what matters.
      return trace.getTracer('test').startSpan('handle').spanContext();
    });

    expect(child.traceId).toBe(TRACE_ID);
  });

  it('give the active trace as the traceparent to send on', () => {
    expect(withTraceparent(TRACEPARENT, currentTraceparent)).toBe(TRACEPARENT);
  });
});
