import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IdempotencyStore } from './idempotency-store';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_OPTIONS, type IdempotencyModuleOptions } from './idempotency.options';

/**
 * `IdempotencyModule.forRoot()` in a service's app module, next to TypeOrmModule: every POST
 * honours an Idempotency-Key header. Add `idempotencyMigrations` to the service's migrations.
 */
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyModuleOptions = {}): DynamicModule {
    return {
      module: IdempotencyModule,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, useValue: options },
        {
          provide: IdempotencyStore,
          inject: [getDataSourceToken(options.dataSourceName)],
          useFactory: (dataSource: DataSource) =>
            new IdempotencyStore(dataSource, options.staleAfterMs ?? 30_000),
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IdempotencyStore],
    };
  }
}
