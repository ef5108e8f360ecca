import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  readonly serviceName: string;
  /** OTLP/HTTP base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans go to `<endpoint>/v1/traces`. */
  readonly endpoint: string;
}

/** Probes and scrapes would flood the traces. */
const UNTRACED_PATHS = /^\/(health\/|metrics)/;

/**
 * Starts OpenTelemetry tracing (HTTP server/client spans, W3C traceparent propagation) and
 * returns the SDK to shut down on exit. Call it before Nest creates the app so the HTTP
 * instrumentation wraps the server. Only traces are exported; metrics stay on /metrics.
 */
export function startTracing({ serviceName, endpoint }: TracingOptions): NodeSDK {
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    traceExporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
    instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? '') })],
    // Explicitly none: sdk-node would otherwise read OTEL_METRICS_EXPORTER/OTEL_LOGS_EXPORTER from the environment.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return sdk;
}
