import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IdempotencyStore } from './idempotency-store';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_OPTIONS, type IdempotencyModuleAsyncOptions, type IdempotencyModuleOptions } from './idempotency.options';

/**
 * `IdempotencyModule.forRoot()` in a service's app module, next to TypeOrmModule: every POST
 * honours an Idempotency-Key header. Add `idempotencyMigrations` to the service's migrations.
 */
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyModuleOptions = {}): DynamicModule {
    return IdempotencyModule.forRootAsync({ dataSourceName: options.dataSourceName, useFactory: () => options });
  }

  /** Options from configuration, e.g. `staleAfterMs` from IDEMPOTENCY_STALE_AFTER_MS. */
  static forRootAsync(options: IdempotencyModuleAsyncOptions): DynamicModule {
    return {
      module: IdempotencyModule,
      imports: options.imports ?? [],
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: IdempotencyStore,
          inject: [IDEMPOTENCY_OPTIONS, getDataSourceToken(options.dataSourceName)],
          useFactory: (resolved: IdempotencyModuleOptions, dataSource: DataSource) =>
            new IdempotencyStore(dataSource, resolved.staleAfterMs ?? 30_000),
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IdempotencyStore],
    };
  }
}
