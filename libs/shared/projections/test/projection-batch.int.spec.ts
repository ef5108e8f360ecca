import type { Position } from '@switchboard/event-sourcing';
import { quietLogger, waitFor } from '@switchboard/testing';
import { defineProjection, ProjectionRunner } from '../src';
import { appendOrders, checkpointOf, expectedSummaries, ids, reached } from './fixtures/order-scenario';
import type { OrderSummary } from './fixtures/order-summary.entity';
import { orderSummaryProjection, type OrderSummaryEvent } from './fixtures/order-summary.projection';
import { createProjectionTestEnv, type ProjectionTestEnv } from './fixtures/projection-test-env';

describe('ProjectionRunner batches: the events the subscription has ready commit in one transaction', () => {
  let env: ProjectionTestEnv;
  let runner: ProjectionRunner | undefined;

  beforeEach(async () => {
    env = await createProjectionTestEnv('batch');
  });

  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await env.close();
  });

  /** The transactions that wrote the visible rows and the checkpoint (PostgreSQL's xmin of each). */
  const writers = async () => {
    const rows: { xmin: string }[] = await env.dataSource.query(
      `SELECT xmin::text FROM order_summaries
       UNION SELECT xmin::text FROM processor_checkpoints WHERE processor_id = 'order-summary'`,
    );
    return rows.map((row) => row.xmin);
  };

  /** Appends fewer events than a batch holds, all visible to a reader before the runner starts. */
  const appendStored = async (): Promise<Position> => {
    const last = await appendOrders(env, ids('t', 10), { lines: 4 }); // about 70 events
    await waitFor(async () => (await env.eventStore.headPosition())?.prepare === last.prepare, { what: 'head' });
    return last;
  };

  it('applies the stored events and moves the checkpoint in one transaction', async () => {
    // given
    const last = await appendStored();

    // when
    runner = new ProjectionRunner(orderSummaryProjection(), env.eventStore, env.dataSource, { logger: quietLogger });
    runner.start();
    await waitFor(() => reached(env, last), { what: 'catch-up' });

    // then
    expect(await env.summaries()).toEqual(await expectedSummaries(env));
    expect(await writers()).toHaveLength(1);
  });

  it('rolls the whole batch back when one event fails, and applies every event once on the retry', async () => {
    // given: an evolve that fails once, part-way through the batch
    const last = await appendStored();
    const base = orderSummaryProjection();
    let calls = 0;
    const flaky = defineProjection<OrderSummary, OrderSummaryEvent>({
      ...base,
      evolve: (row, event) => {
        if (++calls === 30) throw new Error('read model write failed');
        return base.evolve(row, event);
      },
    });
    const errors: string[] = [];

    // when
    runner = new ProjectionRunner(flaky, env.eventStore, env.dataSource, {
      logger: { ...quietLogger, error: (message) => errors.push(message) },
      retryDelayMs: 1_000,
    });
    runner.start();
    await waitFor(() => errors.length === 1, { what: 'the failure' });

    // then: nothing of the batch is visible while the runner backs off...
    expect(await env.summaries()).toEqual([]);
    expect(await checkpointOf(env)).toBeNull();
    expect((await runner.status()).lastError).toContain('read model write failed');

    // ...and the retry applies all of it, each event once, in one transaction
    await waitFor(() => reached(env, last), { what: 'the retry' });
    expect(await env.summaries()).toEqual(await expectedSummaries(env));
    expect(await writers()).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });

  it('applies one transaction per event when batches hold one event', async () => {
    // given
    const last = await appendStored();

    // when
    runner = new ProjectionRunner(orderSummaryProjection(), env.eventStore, env.dataSource, {
      logger: quietLogger,
      maxBatchSize: 1,
    });
    runner.start();
    await waitFor(() => reached(env, last), { what: 'catch-up' });

    // then: each surviving order's row was last written by its own transaction
    const summaries = await env.summaries();
    expect(summaries).toEqual(await expectedSummaries(env));
    expect(summaries.length).toBeGreaterThan(1);
    expect((await writers()).length).toBeGreaterThanOrEqual(summaries.length);
  });
  it("takes TypeORM's path when an evolve moves a row to another key, and applies every event once", async () => {
    // given: a projection that files each order's row under another key than its events'
    const last = await appendStored();
    const base = orderSummaryProjection();
    const moving = defineProjection<OrderSummary, OrderSummaryEvent>({
      ...base,
      evolve: (row, event) => {
        const next = base.evolve(row, event);
        return event.type === 'OrderPlaced' && next ? { ...next, id: `${next.id}-moved` } : next;
      },
    });

    // when
    runner = new ProjectionRunner(moving, env.eventStore, env.dataSource, { logger: quietLogger });
    runner.start();
    await waitFor(() => reached(env, last), { what: 'catch-up' });

    // then: each order's placed row under the moved key, once; later events found no row under theirs
    const summaries = await env.summaries();
    expect(summaries.map((summary) => summary.id).sort()).toEqual(ids('t', 10).map((id) => `${id}-moved`));
    expect(summaries.every((summary) => summary.status === 'placed' && summary.lineCount === 0)).toBe(true);
  });
});
