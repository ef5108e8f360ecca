import { ProjectionRunner } from '../src';
import { quietLogger, waitFor } from '@switchboard/testing';
import { appendOrders, checkpointOf, expectedSummaries, ids, reached } from './fixtures/order-scenario';
import { orderSummaryProjection } from './fixtures/order-summary.projection';
import { createProjectionTestEnv, type ProjectionTestEnv } from './fixtures/projection-test-env';

describe('ProjectionRunner (PostgreSQL event store → TypeORM read model)', () => {
  let env: ProjectionTestEnv;
  const runners: ProjectionRunner[] = [];
  const runner = (name?: string) => {
    const created = new ProjectionRunner(orderSummaryProjection(name), env.eventStore, env.dataSource, {
      logger: quietLogger,
    });
    runners.push(created);
    return created;
  };

  beforeEach(async () => {
    env = await createProjectionTestEnv();
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await env.close();
  });

  it('catches up on the stored events, then follows live ones', async () => {
    const stored = await appendOrders(env, ids('a', 12));
    const projection = runner();
    projection.start();

    await waitFor(() => reached(env, stored), { what: 'catch-up' });
    expect(await env.summaries()).toEqual(await expectedSummaries(env));

    const live = await appendOrders(env, ids('b', 6));
    await waitFor(() => reached(env, live), { what: 'live events' });
    const summaries = await env.summaries();
    expect(summaries).toEqual(await expectedSummaries(env));
    expect(summaries.find((s) => s.id === 'b002')).toEqual({
      id: 'b002',
      customerId: 'c-b002',
      status: 'shipped',
      total: 60,
      lineCount: 3,
    });
    expect(summaries.some((s) => s.id === 'b005')).toBe(false); // cancelled → deleted
  });

  it('moves the checkpoint past events it does not handle, so it reaches the head', async () => {
    await appendOrders(env, ids('a', 3));
    const projection = runner();
    projection.start();
    await waitFor(async () => (await projection.status()).lag === 0, { what: 'lag 0' });

    const note = await env.append('a001', { type: 'OrderNoteWritten', data: { orderId: 'a001', note: 'late' } });
    await waitFor(() => reached(env, note), { what: 'checkpoint past an ignored event' });
    expect(await projection.status()).toMatchObject({ name: 'order-summary', lag: 0, running: true });
  });

  it('reports lag as head minus checkpoint while behind, and 0 once caught up', async () => {
    // One writer: with concurrent writers the lag (a difference of sequence numbers) is only an estimate.
    const last = await appendOrders(env, ids('a', 5), { lines: 2, parallel: 1 });
    // The store shows events once older transactions (of any test on this database) have ended.
    await waitFor(async () => (await env.eventStore.headPosition())?.prepare === last.prepare, { what: 'head' });
    const projection = runner();

    const before = await projection.status();
    expect(before).toMatchObject({ name: 'order-summary', checkpoint: null, running: false });
    expect(before.lag).toBe(23); // 5 × (placed, 2 lines, note) + shipped 2 and 4 + cancelled 5
    expect(before.head).toMatch(/^\d+\.\d+$/);

    projection.start();
    await waitFor(async () => (await projection.status()).lag === 0, { what: 'lag 0' });
    const after = await projection.status();
    expect(after.checkpoint).toBe(after.head);
    expect(after.running).toBe(true);
  });

  it('applies each event once when two replicas run the same projection', async () => {
    const first = runner();
    const second = runner();
    first.start();
    second.start();

    const last = await appendOrders(env, ids('r', 30), { lines: 5, parallel: 6 });
    await waitFor(() => reached(env, last), { what: 'both replicas done' });
    expect(await env.summaries()).toEqual(await expectedSummaries(env));
  });

  it('stops gracefully: the rows match exactly the events up to the checkpoint, and a restart finishes', async () => {
    const last = await appendOrders(env, ids('s', 40), { lines: 8 });
    const projection = runner();
    projection.start();
    await waitFor(async () => (await checkpointOf(env)) !== null, { what: 'first checkpoint' });

    await projection.stop();
    const stoppedAt = await checkpointOf(env);
    expect(projection.running).toBe(false);
    expect(await env.summaries()).toEqual(await expectedSummaries(env, stoppedAt));

    projection.start();
    await waitFor(() => reached(env, last), { what: 'restart completes' });
    expect(await env.summaries()).toEqual(await expectedSummaries(env));
  });
});
