import { quietLogger, waitFor } from '@switchboard/testing';
import { ProjectionRunner, rebuildProjection, rebuildProjectionCli } from '../src';
import { appendOrders, checkpointOf, expectedSummaries, ids, reached } from './fixtures/order-scenario';
import { orderSummaryProjection } from './fixtures/order-summary.projection';
import { createProjectionTestEnv, type ProjectionTestEnv } from './fixtures/projection-test-env';

describe('rebuildProjection', () => {
  let env: ProjectionTestEnv;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    env = await createProjectionTestEnv('rebuild');
    runner = new ProjectionRunner(orderSummaryProjection(), env.eventStore, env.dataSource, {
      logger: quietLogger,
      watchIntervalMs: 100,
    });
  });

  afterEach(async () => {
    await runner.stop();
    await env.close();
  });

  it('empties the read model and resets the checkpoint in one transaction', async () => {
    const last = await appendOrders(env, ids('a', 5));
    runner.start();
    await waitFor(() => reached(env, last));
    await runner.stop();

    await rebuildProjection(env.dataSource, orderSummaryProjection());

    expect(await env.summaries()).toEqual([]);
    expect(await checkpointOf(env)).toBeNull();
  });

  it('reproduces the same rows when a live runner replays after the reset', async () => {
    const last = await appendOrders(env, ids('a', 15));
    runner.start();
    await waitFor(() => reached(env, last));
    const before = await env.summaries();
    // A row the events would not produce: a rebuild must drop it.
    await env.db.pool.query(`UPDATE order_summaries SET total = -1 WHERE id = 'a001'`);

    await rebuildProjection(env.dataSource, orderSummaryProjection());

    await waitFor(() => reached(env, last), { what: 'the runner to notice the reset and replay' });
    expect(await env.summaries()).toEqual(before);
    expect(before).toEqual(await expectedSummaries(env));
  });

  it('runs from the rebuild-projection CLI by name, and refuses an unknown name', async () => {
    const last = await appendOrders(env, ids('a', 4));
    runner.start();
    await waitFor(() => reached(env, last));
    await runner.stop();
    const out = { log: jest.fn(), error: jest.fn() };
    const projections = [orderSummaryProjection()];

    expect(await rebuildProjectionCli(['--name=nope'], { dataSource: env.dataSource, projections, out })).toBe(2);
    expect(out.error).toHaveBeenCalledWith(expect.stringContaining('unknown projection nope; this service has: order-summary'));
    expect((await env.summaries()).length).toBeGreaterThan(0);

    expect(await rebuildProjectionCli(['--name=order-summary'], { dataSource: env.dataSource, projections, out })).toBe(0);
    expect(await env.summaries()).toEqual([]);

    runner.start();
    await waitFor(() => reached(env, last));
    expect(await env.summaries()).toEqual(await expectedSummaries(env));
  });
});
