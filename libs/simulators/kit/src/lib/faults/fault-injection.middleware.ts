import { Injectable, type NestMiddleware } from '@nestjs/common';
import { PROBLEM_JSON } from '@switchboard/observability';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { faultFor, type Fault } from './fault-settings';
import { FaultState } from './fault-state';

/** Admin routes, probes, metrics and the API docs are never faulted: a test must always be able to heal the system. */
const EXEMPT = /^\/(?:health|metrics)(?:\/|$)|^\/api\/(?:docs|openapi)|(?:^|\/)admin(?:\/|$)/;

type Request = IncomingMessage & { originalUrl?: string };

/** Applies the injected faults (latency, 5xx, 429 + Retry-After, downtime) before a request reaches its handler. */
@Injectable()
export class FaultInjectionMiddleware implements NestMiddleware {
  constructor(private readonly faults: FaultState) {}

  async use(request: Request, response: ServerResponse, next: () => void): Promise<void> {
    const path = (request.originalUrl ?? request.url ?? '/').split('?')[0];
    if (EXEMPT.test(path)) return next();
    const fault = faultFor(this.faults.current(), new Date());
    if (fault.delayMs > 0) {
      const release = this.faults.hold(request.method ?? '', path);
      try {
        await sleep(fault.delayMs);
      } finally {
        release();
      }
    }
    if (fault.kind === 'pass') return next();
    answer(response, path, fault);
  }
}

function answer(response: ServerResponse, path: string, fault: Exclude<Fault, { kind: 'pass' }>): void {
  const [status, title, detail] =
    fault.kind === 'down'
      ? [503, 'Service Unavailable', 'the system is down for maintenance (injected fault)']
      : fault.kind === 'rate-limited'
        ? [429, 'Too Many Requests', 'rate limit exceeded (injected fault)']
        : [500, 'Internal Server Error', 'the system failed (injected fault)'];
  if (fault.kind !== 'error') response.setHeader('Retry-After', String(fault.retryAfterSeconds));
  response.statusCode = status;
  response.setHeader('Content-Type', PROBLEM_JSON);
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail, instance: path }));
}
