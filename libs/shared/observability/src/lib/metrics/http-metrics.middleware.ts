import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOrCreateHistogram } from './metrics-registry';

type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/** Seconds per HTTP request by method, route template (never the raw URL: ids would explode the cardinality) and status. */
export function httpRequestDuration() {
  return getOrCreateHistogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}

export function httpMetricsMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const histogram = httpRequestDuration();
  const stop = histogram.startTimer();
  res.once('finish', () => {
    const routed = req as RoutedRequest;
    const route = typeof routed.route?.path === 'string' ? `${routed.baseUrl ?? ''}${routed.route.path}` : 'unmatched';
    stop({ method: req.method ?? 'UNKNOWN', route, status: String(res.statusCode) });
  });
  next();
}
