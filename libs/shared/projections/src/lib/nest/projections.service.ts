import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { EventStore, Position } from '@switchboard/event-sourcing';
import type { DataSource } from 'typeorm';
import { ProjectionRunner } from '../projection-runner';
import type { ProjectionStatus } from '../projection-status';
import { rebuildProjection } from '../rebuild-projection';
import { waitForPosition, type WaitForPositionOptions } from '../wait-for-position';
import type { ProjectionsModuleOptions } from './projections.options';

/**
 * The service's projection runners: started on bootstrap, stopped gracefully (the transaction in
 * flight commits) when the application shuts down, before the DataSource and event store close.
 */
export class ProjectionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly runners: ReadonlyMap<string, ProjectionRunner>;

  constructor(
    private readonly options: ProjectionsModuleOptions,
    eventStore: EventStore,
    private readonly dataSource: DataSource,
  ) {
    this.runners = new Map(
      options.projections.map((projection) => [
        projection.name,
        new ProjectionRunner(projection, eventStore, dataSource, {
          ...options.runner,
          logger: new Logger(`Projection ${projection.name}`),
        }),
      ]),
    );
  }

  onApplicationBootstrap(): void {
    if (this.options.autoStart !== false) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    for (const runner of this.runners.values()) runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  /** For health and metrics: checkpoint, head, lag and running state of every projection. */
  statuses(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }

  /** Stops the runner, empties its read model and resets its checkpoint, then lets it replay. */
  async rebuild(name: string): Promise<void> {
    const runner = this.runner(name);
    const wasRunning = runner.running;
    await runner.stop();
    await rebuildProjection(this.dataSource, runner.projection);
    if (wasRunning) runner.start();
  }

  waitForPosition(
    projections: string | readonly string[],
    position: Position | string,
    options?: WaitForPositionOptions,
  ): Promise<void> {
    return waitForPosition(this.dataSource, projections, position, options);
  }

  private runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new Error(`no projection named ${name}; this service has: ${[...this.runners.keys()].join(', ')}`);
    return runner;
  }
}
