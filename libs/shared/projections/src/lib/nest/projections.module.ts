import { type DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EVENT_STORE, type EventStore } from '@switchboard/event-sourcing';
import type { DataSource } from 'typeorm';
import { ReadYourWritesExceptionFilter } from './read-your-writes.exception-filter';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { PROJECTIONS_MODULE_OPTIONS, type ProjectionsModuleOptions } from './projections.options';
import { ProjectionsService } from './projections.service';

/**
 * `ProjectionsModule.forRoot({ projections: [orderSummaryProjection] })` in a service's app
 * module, next to TypeOrmModule.forRoot(...); EVENT_STORE comes from a global module or `imports`. Global, so query
 * controllers anywhere can use @ReadYourWrites(...).
 */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    const providers = [
      { provide: PROJECTIONS_MODULE_OPTIONS, useValue: options },
      {
        provide: ProjectionsService,
        useFactory: (eventStore: EventStore, dataSource: DataSource) =>
          new ProjectionsService(options, eventStore, dataSource),
        inject: [EVENT_STORE, getDataSourceToken(options.dataSourceName)],
      },
      ReadYourWritesInterceptor,
      ReadYourWritesExceptionFilter,
    ];
    return {
      module: ProjectionsModule,
      global: true,
      imports: options.imports ?? [],
      providers,
      exports: [ProjectionsService, ReadYourWritesInterceptor, ReadYourWritesExceptionFilter],
    };
  }
}
