import { Logger as NestLogger, type INestApplication } from '@nestjs/common';
import { NestFactory, type IEntryNestModule } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { Logger } from 'nestjs-pino';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { BaseConfig } from './config/base.config';
import { ServiceConfig } from './config/service.config';
import { ConfigValidationError, validateConfig } from './config/validate-config';
import { correlationMiddleware } from './correlation/request-correlation';
import { setupOpenApi } from './openapi/setup-openapi';
import { GracefulShutdown } from './shutdown/graceful-shutdown';
import { startTracing } from './tracing/start-tracing';

/** Probes, scrapes and inbound webhooks keep their well-known paths; everything else lives under the API prefix. */
export const UNPREFIXED_PATHS = ['health/live', 'health/ready', 'metrics', 'webhooks/:source'];

export interface BootstrapOptions<C extends BaseConfig> {
  /** The service name: SERVICE_NAME's default, the `service` of every log line and metric. */
  readonly name: string;
  /** The AppModule; it must import ObservabilityModule.forRoot(...). */
  readonly module: IEntryNestModule;
  /** Validated before Nest starts, so a bad environment stops start-up at once. Default: ServiceConfig. */
  readonly configClass?: new () => C;
  /** Overrides PORT (0: any free port, for tests). */
  readonly port?: number;
  /** A transport (e.g. the JetStream strategy), or a factory that takes it from the app's DI. */
  readonly microservice?: CustomTransportStrategy | ((app: INestApplication, config: C) => CustomTransportStrategy);
  /** Default 'api/v1'; /health/* and /metrics stay outside it. */
  readonly globalPrefix?: string;
  /** Swagger UI at /api/docs and the document at /api/openapi.json; false to skip. */
  readonly openApi?: { readonly title?: string; readonly version: string; readonly description?: string } | false;
}

function isStrategy(value: unknown): value is CustomTransportStrategy {
  return typeof value === 'object' && value !== null && typeof (value as CustomTransportStrategy).listen === 'function';
}

function readConfig<C extends BaseConfig>(name: string, configClass: new () => C): C {
  try {
    return validateConfig(configClass, process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      // Nest's logger is not up yet; this line keeps start-up failures in the same JSON log stream.
      pino({ base: { service: name } }).fatal({ problems: error.problems }, error.message);
    }
    throw error;
  }
}

/**
 * The one start-up call of every service's main.ts: validated config, tracing (when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set), pino logs, API prefix, OpenAPI, optional microservice
 * transport, graceful shutdown, listen. Resolves to the listening app.
 */
export async function bootstrapService<C extends BaseConfig = ServiceConfig>(options: BootstrapOptions<C>): Promise<INestApplication> {
  process.env['SERVICE_NAME'] ??= options.name;
  const configClass = options.configClass ?? (ServiceConfig as unknown as new () => C);
  const config = readConfig(options.name, configClass);

  const tracing: NodeSDK | undefined = config.OTEL_EXPORTER_OTLP_ENDPOINT
    ? startTracing({ serviceName: config.SERVICE_NAME, endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT })
    : undefined;

  // rawBody: webhook touchpoints (@switchboard/webhooks) verify signatures over the exact bytes.
  const app = await NestFactory.create(options.module, { bufferLogs: true, rawBody: true });
  // Ahead of the body parser (registered at init), so a malformed body's 400 also carries the id.
  app.use(correlationMiddleware(config.SERVICE_NAME));
  let gracefulShutdown: GracefulShutdown;
  try {
    app.useLogger(app.get(Logger));
    gracefulShutdown = app.get(GracefulShutdown);
  } catch (error) {
    await app.close();
    throw new Error(`${options.name}: the module given to bootstrapService must import ObservabilityModule.forRoot(...)`, { cause: error });
  }
  const logger = new NestLogger('Bootstrap');

  app.setGlobalPrefix(options.globalPrefix ?? 'api/v1', { exclude: UNPREFIXED_PATHS });
  if (options.openApi !== false) {
    setupOpenApi(app, { title: options.openApi?.title ?? options.name, version: options.openApi?.version ?? '0.0.0', description: options.openApi?.description });
  }
  gracefulShutdown.attach(app, {
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    drainMs: config.SHUTDOWN_DRAIN_MS,
    afterClose: tracing ? () => tracing.shutdown() : undefined,
  });

  if (options.microservice) {
    const strategy = isStrategy(options.microservice) ? options.microservice : options.microservice(app, config);
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }

  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Headers of a request on a kept-alive connection may take as long as the connection may idle.
  server.headersTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await app.listen(options.port ?? config.PORT);
  const { port } = server.address() as AddressInfo;
  logger.log(`${config.SERVICE_NAME} listening on :${port}${tracing ? ', tracing on' : ''}`);
  return app;
}
