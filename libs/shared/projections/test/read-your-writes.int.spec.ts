import { Controller, Get, type INestApplication, Module, NotFoundException, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE, formatPosition } from '@switchboard/event-sourcing';
import { quietLogger, waitFor } from '@switchboard/testing';
import type { Repository } from 'typeorm';
import {
  ProjectionBehindError,
  ProjectionRunner,
  ProjectionsModule,
  ProjectionsService,
  ReadYourWrites,
  waitForPosition,
} from '../src';
import { lineAdded, placed } from './fixtures/order-events';
import { checkpointOf } from './fixtures/order-scenario';
import { OrderSummary } from './fixtures/order-summary.entity';
import { orderSummaryProjection } from './fixtures/order-summary.projection';
import { createProjectionTestEnv, readModelDataSourceOptions, type ProjectionTestEnv } from './fixtures/projection-test-env';

@Controller('orders')
class GetOrderSummaryController {
  constructor(@InjectRepository(OrderSummary) private readonly summaries: Repository<OrderSummary>) {}

  @Get(':id')
  @ReadYourWrites('order-summary', { timeoutMs: 500 })
  async get(@Param('id') id: string): Promise<OrderSummary> {
    const summary = await this.summaries.findOneBy({ id });
    if (!summary) throw new NotFoundException(`no order ${id}`);
    return summary;
  }
}

describe('read-your-writes', () => {
  let env: ProjectionTestEnv;

  beforeEach(async () => {
    env = await createProjectionTestEnv('ryw');
  });

  afterEach(async () => {
    await env.close();
  });

  describe('waitForPosition', () => {
    it('returns once the projection has applied the position a write returned', async () => {
      const runner = new ProjectionRunner(orderSummaryProjection(), env.eventStore, env.dataSource, { logger: quietLogger });
      runner.start();
      try {
        const written = await env.append('o1', placed('o1'), lineAdded('o1', 70));
        await waitForPosition(env.dataSource, 'order-summary', formatPosition(written), { timeoutMs: 5000 });
        expect(await env.summaries()).toEqual([
          { id: 'o1', customerId: 'c-o1', status: 'placed', total: 70, lineCount: 1 },
        ]);
      } finally {
        await runner.stop();
      }
    });

    it('throws ProjectionBehindError naming the projection, the wanted and the reached position when it stays behind', async () => {
      const written = await env.append('o1', placed('o1'));
      const started = Date.now();

      const error = await waitForPosition(env.dataSource, ['order-summary'], written, { timeoutMs: 300 }).catch((e) => e);

      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(error).toBeInstanceOf(ProjectionBehindError);
      expect(error).toMatchObject({ projection: 'order-summary', wanted: written, reached: null });
      expect(error.message).toBe(
        `projection order-summary is at the start (nothing projected yet), behind requested ${formatPosition(written)}; retry`,
      );
    });
  });

  describe('over HTTP with ProjectionsModule and @ReadYourWrites', () => {
    let app: INestApplication;
    let baseUrl: string;

    async function startApp(autoStart: boolean) {
      @Module({ providers: [{ provide: EVENT_STORE, useValue: env.eventStore }], exports: [EVENT_STORE] })
      class EventStoreModule {}

      @Module({
        imports: [
          TypeOrmModule.forRoot(readModelDataSourceOptions(env.db)),
          TypeOrmModule.forFeature([OrderSummary]),
          ProjectionsModule.forRoot({
            projections: [orderSummaryProjection()],
            imports: [EventStoreModule],
            autoStart,
          }),
        ],
        controllers: [GetOrderSummaryController],
      })
      class AppModule {}

      const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).setLogger(quietLogger).compile();
      app = moduleRef.createNestApplication({ logger: false });
      await app.listen(0, '127.0.0.1');
      baseUrl = await app.getUrl();
    }

    afterEach(async () => {
      await app?.close();
    });

    it('answers right after a write with the projected row when the query carries minPosition', async () => {
      await startApp(true);
      const written = await env.append('o7', placed('o7'), lineAdded('o7', 30), lineAdded('o7', 12));

      const response = await fetch(`${baseUrl}/orders/o7?minPosition=${formatPosition(written)}`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: 'o7', customerId: 'c-o7', status: 'placed', total: 42, lineCount: 2 });
    });

    it('answers 503 problem+json with Retry-After when the projection stays behind', async () => {
      await startApp(false);
      const written = formatPosition(await env.append('o8', placed('o8')));

      const response = await fetch(`${baseUrl}/orders/o8?minPosition=${written}`);

      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.json()).toEqual({
        type: 'urn:switchboard:problem:projection-behind',
        title: 'Projection behind',
        status: 503,
        detail: `projection order-summary is at the start (nothing projected yet), behind requested ${written}; retry`,
        instance: `/orders/o8?minPosition=${written}`,
        projection: 'order-summary',
        reached: null,
        minPosition: written,
      });
    });

    it('answers 400 problem+json naming minPosition when it is not a position', async () => {
      await startApp(false);

      const response = await fetch(`${baseUrl}/orders/o1?minPosition=yesterday`);

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as { detail: string };
      expect(problem).toMatchObject({ status: 400, errors: [{ field: 'minPosition' }] });
      expect(problem.detail).toContain('minPosition must be a position');
    });

    it('runs the query at once without minPosition', async () => {
      await startApp(false);
      expect((await fetch(`${baseUrl}/orders/o404`)).status).toBe(404);
    });

    it('starts the runners on bootstrap, reports their lag, rebuilds one and stops them on shutdown', async () => {
      await startApp(true);
      const projections = app.get(ProjectionsService);
      const written = await env.append('o9', placed('o9'), lineAdded('o9', 5));

      await waitFor(async () => (await projections.statuses())[0]?.checkpoint === formatPosition(written), {
        what: 'the runner to project o9',
      });
      expect(await projections.statuses()).toEqual([
        { name: 'order-summary', checkpoint: formatPosition(written), head: formatPosition(written), lag: 0, running: true },
      ]);

      await projections.rebuild('order-summary');
      await projections.waitForPosition('order-summary', written, { timeoutMs: 5000 });
      expect(await env.summaries()).toEqual([{ id: 'o9', customerId: 'c-o9', status: 'placed', total: 5, lineCount: 1 }]);

      await app.close();
      await env.append('o9', lineAdded('o9', 1));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await checkpointOf(env)).toEqual(written); // stopped: nothing projects the new event
    });
  });
});
