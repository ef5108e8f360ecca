import { Global, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { BaseConfig } from './config/base.config';
import { ServiceConfig } from './config/service.config';
import { validateConfig } from './config/validate-config';
import { correlationMiddleware } from './correlation/request-correlation';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { createValidationPipe } from './errors/validation.pipe';
import { HealthController } from './health/health.controller';
import { ReadinessChecks } from './health/readiness-check';
import { ALL_ROUTES, loggerParams } from './logging/logger-params';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { enableDefaultMetrics, METRICS_REGISTRY, metricsRegistry } from './metrics/metrics-registry';
import { GracefulShutdown } from './shutdown/graceful-shutdown';
import { ShutdownState } from './shutdown/shutdown-state';

export interface ObservabilityModuleOptions<C extends BaseConfig> {
  /**
   * The service's config class, read and validated from the environment. Injectable as itself,
   * as BaseConfig (and ServiceConfig when it extends it), and through ConfigService.
   * Default: ServiceConfig.
   */
  readonly config?: new () => C;
}

/**
 * What every service's AppModule imports: validated config, pino logging with correlation ids,
 * /health/live + /health/ready, /metrics, problem+json errors and the global ValidationPipe.
 * Global, so readiness checks and config are injectable everywhere.
 */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot<C extends BaseConfig = ServiceConfig>(options: ObservabilityModuleOptions<C> = {}): DynamicModule {
    const configClass = options.config ?? (ServiceConfig as unknown as new () => C);
    // Read when Nest instantiates the module (after bootstrapService has set defaults), not at import.
    let config: C | undefined;
    const loadConfig = (): C => (config ??= validateConfig(configClass, process.env));
    const aliases: Provider[] = [BaseConfig, ServiceConfig]
      .filter((base) => base !== (configClass as unknown) && configClass.prototype instanceof base)
      .map((base) => ({ provide: base, useExisting: configClass }));

    return {
      module: ObservabilityModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...loadConfig() })] }),
        LoggerModule.forRootAsync({
          inject: [BaseConfig],
          useFactory: (c: BaseConfig) => loggerParams({ serviceName: c.SERVICE_NAME, level: c.LOG_LEVEL }),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: configClass, useFactory: loadConfig },
        ...aliases,
        {
          provide: METRICS_REGISTRY,
          inject: [BaseConfig],
          useFactory: (c: BaseConfig) => {
            enableDefaultMetrics(metricsRegistry);
            metricsRegistry.setDefaultLabels({ service: c.SERVICE_NAME });
            return metricsRegistry;
          },
        },
        ReadinessChecks,
        ShutdownState,
        GracefulShutdown,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [configClass, ...aliases, METRICS_REGISTRY, ReadinessChecks, ShutdownState, GracefulShutdown],
    };
  }

  constructor(private readonly config: BaseConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlationMiddleware(this.config.SERVICE_NAME), httpMetricsMiddleware).forRoutes(ALL_ROUTES);
  }
}
