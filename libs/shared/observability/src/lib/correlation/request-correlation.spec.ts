import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CorrelationContext } from './correlation-context';
import { correlationFromHeaders, correlationMiddleware } from './request-correlation';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('correlationFromHeaders', () => {
  it("takes the caller's x-correlation-id", () => {
    expect(correlationFromHeaders({ 'x-correlation-id': 'order-42', traceparent: TRACEPARENT })).toEqual({
      correlationId: 'order-42',
      traceparent: TRACEPARENT,
    });
  });

  it('uses the trace id of a traceparent when there is no correlation id', () => {
    expect(correlationFromHeaders({ traceparent: TRACEPARENT }).correlationId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('generates a UUID when the request carries neither', () => {
    expect(correlationFromHeaders({}).correlationId).toMatch(UUID);
  });

  it('ignores ids that could smuggle text into logs, and malformed traceparents', () => {
    const ids = correlationFromHeaders({ 'x-correlation-id': 'a\nfake log line', traceparent: '00-zz-00-01' });

    expect(ids.correlationId).toMatch(UUID);
    expect(ids.traceparent).toBeUndefined();
  });
});

describe('correlationMiddleware', () => {
  it('echoes the id in the response and exposes it to the code handling the request', () => {
    const headers = new Map<string, string>();
    const res = Object.assign(new EventEmitter(), { setHeader: (name: string, value: string) => headers.set(name, value) });
    let inside: string | undefined;

    correlationMiddleware('crm')({ headers: { 'x-correlation-id': 'req-7' } } as unknown as IncomingMessage, res as unknown as ServerResponse, () => {
      inside = CorrelationContext.current()?.correlationId;
    });

    expect(headers.get('x-correlation-id')).toBe('req-7');
    expect(inside).toBe('req-7');
  });

  it("starts the request's chain in the service's own system", () => {
    const res = { setHeader: () => undefined } as unknown as ServerResponse;
    const originIn = (service: string) => {
      let origin: string | undefined;
      correlationMiddleware(service)({ headers: {} } as unknown as IncomingMessage, res, () => {
        origin = CorrelationContext.current()?.origin;
      });
      return origin;
    };

    expect(['order', 'erp-adapter', 'contract-adapter', 'erp-simulator'].map(originIn)).toEqual(['order', 'erp', 'clm', undefined]);
  });

  it('keeps the first ids when mounted twice on the same request', () => {
    const req = { headers: {} } as unknown as IncomingMessage;
    const res = { setHeader: () => undefined } as unknown as ServerResponse;
    let outer: string | undefined;
    let inner: string | undefined;

    correlationMiddleware('crm')(req, res, () => {
      outer = CorrelationContext.current()?.correlationId;
      correlationMiddleware('crm')(req, res, () => {
        inner = CorrelationContext.current()?.correlationId;
      });
    });

    expect(inner).toBe(outer);
  });
});
