import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { stdTimeFunctions } from 'pino';
import { CorrelationContext } from '../correlation/correlation-context';

/** Every route, in the path-to-regexp 8 syntax of Nest 11 (nestjs-pino's default `*` logs a warning). */
export const ALL_ROUTES = { path: '{*path}', method: RequestMethod.ALL };

const QUIET_PATHS = /^\/(health\/|metrics)/;

/** Headers that carry credentials; never logged. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'req.headers["webhook-signature"]',
  'res.headers["set-cookie"]',
];

/**
 * nestjs-pino settings: one JSON line per log with level label, ISO time and service name; the
 * correlation (and causation) id of the current unit of work on every line, HTTP or messaging;
 * one line per request (probes and scrapes excepted).
 */
export function loggerParams({ serviceName, level }: { serviceName: string; level: string }): Params {
  return {
    forRoutes: [ALL_ROUTES],
    pinoHttp: {
      level,
      base: { service: serviceName, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // The ids come from CorrelationContext on every line, so the request logger needs no bindings.
      mixin: () => {
        const ids = CorrelationContext.current();
        return ids ? { correlationId: ids.correlationId, ...(ids.causationId ? { causationId: ids.causationId } : {}) } : {};
      },
      // Unique per request; the caller's id travels as the correlation id instead.
      genReqId: () => randomUUID(),
      customAttributeKeys: { reqId: 'requestId' },
      quietReqLogger: true,
      autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    },
  };
}
