import type { ModuleMetadata } from '@nestjs/common';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import type { Projection } from '../projection';
import type { ProjectionRunnerOptions } from '../projection-runner';

export interface ProjectionsModuleOptions {
  /** The projections fed from this service's own event store; one runner each. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each projection has its own row type
  projections: readonly Projection<any, RecordedEvent>[];
  /** Modules that export the EVENT_STORE provider, unless it is global. */
  imports?: ModuleMetadata['imports'];
  /** The @nestjs/typeorm data source name, when not the default one. */
  dataSourceName?: string;
  /** Start the runners on application bootstrap (default true); false for a process that only serves queries. */
  autoStart?: boolean;
  runner?: Omit<ProjectionRunnerOptions, 'logger'>;
}

export const PROJECTIONS_MODULE_OPTIONS = Symbol('PROJECTIONS_MODULE_OPTIONS');
