import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { comparePositions } from '@switchboard/event-sourcing';
import { quietLogger, waitFor } from '@switchboard/testing';
import { defineProjection, ProjectionRunner, rebuildProjection } from '../src';
import { appendOrders, checkpointOf, expectedSummaries, ids, reached } from './fixtures/order-scenario';
import { orderSummaryProjection, type OrderSummaryEvent } from './fixtures/order-summary.projection';
import type { OrderSummary } from './fixtures/order-summary.entity';
import { createProjectionTestEnv, type ProjectionTestEnv } from './fixtures/projection-test-env';

const workspaceRoot = join(__dirname, '../../../..');

describe('ProjectionRunner crashes: read model and checkpoint commit together', () => {
  let env: ProjectionTestEnv;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    env = await createProjectionTestEnv('crash');
  });

  afterEach(async () => {
    child?.kill('SIGKILL');
    child = undefined;
    await env.close();
  });

  it('applies nothing twice when a process running the projection is SIGKILLed mid-stream, then restarted', async () => {
    const last = await appendOrders(env, ids('k', 80), { lines: 20, parallel: 8 });
    child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures/run-projection.process.ts'), env.db.schema], {
      cwd: workspaceRoot,
      env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child!.once('exit', resolve));

    // Kill it while it is part-way: some events projected, not all.
    await waitFor(async () => (await checkpointOf(env)) !== null, { what: 'the process to start projecting', timeoutMs: 20_000, intervalMs: 2 });
    child.kill('SIGKILL');
    await exited;
    const killedAt = await checkpointOf(env);
    expect(comparePositions(killedAt!, last)).toBeLessThan(0);
    expect(await env.summaries()).toEqual(await expectedSummaries(env, killedAt));

    const restarted = new ProjectionRunner(orderSummaryProjection(), env.eventStore, env.dataSource, { logger: quietLogger });
    restarted.start();
    try {
      await waitFor(() => reached(env, last), { what: 'the restarted runner to finish', timeoutMs: 30_000 });
    } finally {
      await restarted.stop();
    }
    expect(await env.summaries()).toEqual(await expectedSummaries(env));
  });

  it('rolls back the row with a failing event and, after retrying, applies every event exactly once', async () => {
    const base = orderSummaryProjection();
    let failures = 0;
    let seen = 0;
    // Fails once on the 25th handled event, after the rows before it were saved.
    const flaky = defineProjection<OrderSummary, OrderSummaryEvent>({
      ...base,
      evolve: (row, event) => {
        if (++seen === 25 && failures === 0) {
          failures++;
          throw new Error('read model write failed');
        }
        return base.evolve(row, event);
      },
    });
    const last = await appendOrders(env, ids('f', 10), { lines: 4 });
    const errors: string[] = [];
    const runner = new ProjectionRunner(flaky, env.eventStore, env.dataSource, {
      logger: { ...quietLogger, error: (message) => errors.push(message) },
      retryDelayMs: 20,
    });
    runner.start();
    try {
      await waitFor(() => reached(env, last), { what: 'the runner to get past the failure' });
    } finally {
      await runner.stop();
    }
    expect(failures).toBe(1);
    expect(errors).toEqual([expect.stringContaining('read model write failed')]);
    expect(await env.summaries()).toEqual(await expectedSummaries(env));
  });

  // A restart that finds no checkpoint but a filled read model (the checkpoint row was lost, or
  // the code moved it to another table between the crash and the restart) must not replay every
  // event onto the rows: evolve is not idempotent (an order history would list each status twice).
  it('refuses to replay onto a read model whose checkpoint is missing, and catches up after a rebuild', async () => {
    const base = orderSummaryProjection();
    // As the order service's projection does: an OrderPlaced finding its row keeps it.
    const keepsPlacedRows = defineProjection<OrderSummary, OrderSummaryEvent>({
      ...base,
      evolve: (row, event) => (event.type === 'OrderPlaced' && row ? row : base.evolve(row, event)),
    });
    const last = await appendOrders(env, ids('m', 12), { lines: 3 });
    const first = new ProjectionRunner(keepsPlacedRows, env.eventStore, env.dataSource, { logger: quietLogger });
    first.start();
    try {
      await waitFor(() => reached(env, last), { what: 'the first runner to finish' });
    } finally {
      await first.stop();
    }
    const projected = await env.summaries();
    expect(projected).toEqual(await expectedSummaries(env));
    await env.dataSource.query('DELETE FROM processor_checkpoints WHERE processor_id = $1', ['order-summary']);

    const errors: string[] = [];
    const restarted = new ProjectionRunner(keepsPlacedRows, env.eventStore, env.dataSource, {
      logger: { ...quietLogger, error: (message) => errors.push(message) },
      retryDelayMs: 20,
      maxRetryDelayMs: 50,
    });
    restarted.start();
    try {
      // Refused twice (it keeps retrying), or replayed everything: the rows tell which.
      await waitFor(async () => errors.length >= 2 || (await reached(env, last)), { what: 'the restarted runner to refuse or replay' });
      expect(await env.summaries()).toEqual(projected);
      expect(errors[0]).toContain('rebuild');
      expect((await restarted.status()).lastError).toContain('rebuild');

      await rebuildProjection(env.dataSource, keepsPlacedRows);
      await waitFor(() => reached(env, last), { what: 'the runner to replay after the rebuild' });
    } finally {
      await restarted.stop();
    }
    expect(await env.summaries()).toEqual(await expectedSummaries(env));
  });
});
