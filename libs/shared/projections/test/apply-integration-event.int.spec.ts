import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { applyIntegrationEvent, defineProjection } from '../src';
import { changeOneRowOrFail, ROW_CHANGED_SQLSTATE } from '../src/lib/rows/change-one-row-or-fail';
import { inlineParameters } from '../src/lib/rows/inline-parameters';
import { RowStatements, VERSION_COLUMN } from '../src/lib/rows/row-statements';
import { countingPgQueries } from '@switchboard/testing';
import { OrderSummary } from './fixtures/order-summary.entity';
import { evolveOrderSummary, orderSummaryProjection, type OrderSummaryEvent } from './fixtures/order-summary.projection';
import { DataSource } from 'typeorm';
import { createProjectionTestEnv, readModelDataSourceOptions, type ProjectionTestEnv } from './fixtures/projection-test-env';

/** An integration event as the JetStream transport hands it over (a decoded CloudEvent). */
const cloudEvent = (type: string, data: Record<string, unknown>): OrderSummaryEvent & Record<string, unknown> => ({
  specversion: '1.0',
  id: randomUUID(),
  source: '/order',
  type,
  subject: String(data['orderId']),
  data,
});

describe('applyIntegrationEvent (read model fed from JetStream, inbox in the same transaction)', () => {
  let env: ProjectionTestEnv;
  const projection = orderSummaryProjection('crm__order-summary');

  beforeEach(async () => {
    env = await createProjectionTestEnv('iev');
  });

  afterEach(async () => {
    await env.close();
  });

  it('applies every event once when each is delivered twice', async () => {
    const events = [
      cloudEvent('OrderPlaced', { orderId: 'o1', customerId: 'c1' }),
      cloudEvent('OrderLineAdded', { orderId: 'o1', amount: 10 }),
      cloudEvent('OrderLineAdded', { orderId: 'o1', amount: 5 }),
      cloudEvent('OrderShipped', { orderId: 'o1' }),
    ];
    const outcomes: string[] = [];
    for (const event of events) {
      outcomes.push(await applyIntegrationEvent(env.dataSource, projection, event));
      outcomes.push(await applyIntegrationEvent(env.dataSource, projection, event));
    }

    expect(outcomes).toEqual(events.flatMap(() => ['applied', 'duplicate']));
    expect(await env.summaries()).toEqual([{ id: 'o1', customerId: 'c1', status: 'shipped', total: 15, lineCount: 2 }]);
  });

  it('applies every event once when both deliveries race, and loses no update to the same row', async () => {
    const orders = ['o1', 'o2', 'o3'];
    for (const orderId of orders) {
      await applyIntegrationEvent(env.dataSource, projection, cloudEvent('OrderPlaced', { orderId, customerId: 'c' }));
    }
    const lines = orders.flatMap((orderId) =>
      Array.from({ length: 10 }, (_, i) => cloudEvent('OrderLineAdded', { orderId, amount: i + 1 })),
    );

    const outcomes = await Promise.all(
      lines.flatMap((event) => [
        applyIntegrationEvent(env.dataSource, projection, event),
        applyIntegrationEvent(env.dataSource, projection, event),
      ]),
    );

    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(lines.length);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(lines.length);
    expect(await env.summaries()).toEqual(
      orders.map((id) => ({ id, customerId: 'c', status: 'placed', total: 55, lineCount: 10 })),
    );
  });

  it('writes values that need quoting exactly, and deletes the row, each once', async () => {
    const customerId = "O'Brien $row$ \\ \u{1F389} $1";
    const placed = cloudEvent('OrderPlaced', { orderId: 'q1', customerId });
    const cancelled = cloudEvent('OrderCancelled', { orderId: 'q1' });

    expect(await applyIntegrationEvent(env.dataSource, projection, placed)).toBe('applied');
    expect(await env.summaries()).toEqual([{ id: 'q1', customerId, status: 'placed', total: 0, lineCount: 0 }]);
    expect([await applyIntegrationEvent(env.dataSource, projection, cancelled), await applyIntegrationEvent(env.dataSource, projection, cancelled)]).toEqual(['applied', 'duplicate']);
    expect(await env.summaries()).toEqual([]);
  });

  it('refuses a write guarded by the version read once another writer changed the row, and commits none of its transaction', async () => {
    await applyIntegrationEvent(env.dataSource, projection, cloudEvent('OrderPlaced', { orderId: 'v1', customerId: 'c' }));
    const statements = RowStatements.of(env.dataSource, projection.entity)!;
    const [select, parameters] = statements.select(['v1'], { lock: false, versioned: true });
    const read = (await env.db.pool.query(select, parameters)).rows[0];
    await env.db.pool.query("UPDATE order_summaries SET total = 7 WHERE id = 'v1'");

    const write = changeOneRowOrFail(inlineParameters(...statements.update({ ...statements.hydrate(read), lineCount: 1 }, false, read[VERSION_COLUMN])!));
    const client = await env.db.pool.connect();
    try {
      await expect(client.query(`BEGIN; INSERT INTO inbox (consumer, event_id) VALUES ('guard', 'e1'); ${write}; COMMIT`)).rejects.toMatchObject({ code: ROW_CHANGED_SQLSTATE });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await env.summaries()).toEqual([{ id: 'v1', customerId: 'c', status: 'placed', total: 7, lineCount: 0 }]);
    expect((await env.db.pool.query("SELECT * FROM inbox WHERE consumer = 'guard'")).rows).toEqual([]);
  });

  it('ignores a type the projection does not handle, without recording it', async () => {
    const note = cloudEvent('OrderNoteWritten', { orderId: 'o1', note: 'hi' });

    expect(await applyIntegrationEvent(env.dataSource, projection, note)).toBe('ignored');
    const { rows } = await env.db.pool.query('SELECT * FROM inbox');
    expect(rows).toEqual([]);
  });

  it('rolls back the inbox row with a failing evolve, so the redelivery applies the event', async () => {
    let fail = true;
    const flaky = defineProjection<OrderSummary, OrderSummaryEvent>({
      ...projection,
      evolve: (row, event) => {
        if (fail) throw new Error('bad row');
        return evolveOrderSummary(row, event);
      },
    });
    const event = cloudEvent('OrderPlaced', { orderId: 'o1', customerId: 'c1' });

    await expect(applyIntegrationEvent(env.dataSource, flaky, event)).rejects.toThrow('bad row');
    fail = false;
    expect(await applyIntegrationEvent(env.dataSource, flaky, event)).toBe('applied');
    expect(await applyIntegrationEvent(env.dataSource, flaky, event)).toBe('duplicate');
    expect(await env.summaries()).toHaveLength(1);
  });

  describe('events handed over together (group commit)', () => {
    it('applies the events of distinct rows in one read and one transaction', async () => {
      const placed = Array.from({ length: 20 }, (_, i) => cloudEvent('OrderPlaced', { orderId: `g${i}`, customerId: 'c' }));

      const { result: outcomes, queries } = await countingPgQueries(() => Promise.all(placed.map((event) => applyIntegrationEvent(env.dataSource, projection, event))));

      expect(outcomes).toEqual(placed.map(() => 'applied'));
      expect(queries).toBe(2);
      expect(await env.summaries()).toHaveLength(20);
      expect((await env.db.pool.query('SELECT count(*)::int AS n FROM inbox')).rows[0].n).toBe(20);
    });

    it('tells a redelivered event in the batch apart, and applies the others', async () => {
      const first = cloudEvent('OrderPlaced', { orderId: 'd1', customerId: 'c' });
      await applyIntegrationEvent(env.dataSource, projection, first);
      const others = ['d2', 'd3'].map((orderId) => cloudEvent('OrderPlaced', { orderId, customerId: 'c' }));

      const outcomes = await Promise.all([first, ...others].map((event) => applyIntegrationEvent(env.dataSource, projection, event)));

      expect(outcomes).toEqual(['duplicate', 'applied', 'applied']);
      expect((await env.summaries()).map((row) => row.id).sort()).toEqual(['d1', 'd2', 'd3']);
    });

    it('fails only the event whose evolve throws; the redelivery then applies it', async () => {
      const poison = new Set<string>();
      const picky = defineProjection<OrderSummary, OrderSummaryEvent>({
        ...projection,
        evolve: (row, event) => {
          if (poison.has(event.id)) throw new Error('bad event');
          return evolveOrderSummary(row, event);
        },
      });
      const events = ['p1', 'p2', 'p3'].map((orderId) => cloudEvent('OrderPlaced', { orderId, customerId: 'c' }));
      poison.add(events[1].id);

      const outcomes = await Promise.allSettled(events.map((event) => applyIntegrationEvent(env.dataSource, picky, event)));

      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual(['applied', 'bad event', 'applied']);
      poison.clear();
      expect(await applyIntegrationEvent(env.dataSource, picky, events[1])).toBe('applied');
      expect((await env.summaries()).map((row) => row.id).sort()).toEqual(['p1', 'p2', 'p3']);
    });

    it('applies every event once when two replicas get the same events at once, and loses no update', async () => {
      const replica = await new DataSource(readModelDataSourceOptions(env.db)).initialize();
      try {
        const orders = ['x1', 'x2', 'x3', 'x4'];
        const placed = orders.map((orderId) => cloudEvent('OrderPlaced', { orderId, customerId: 'c' }));
        const lines = orders.flatMap((orderId) => Array.from({ length: 5 }, (_, i) => cloudEvent('OrderLineAdded', { orderId, amount: i + 1 })));
        const deliverToBoth = (events: OrderSummaryEvent[]) =>
          Promise.all(events.flatMap((event) => [applyIntegrationEvent(env.dataSource, projection, event), applyIntegrationEvent(replica, projection, event)]));

        const outcomes = [...(await deliverToBoth(placed)), ...(await deliverToBoth(lines))];

        expect(outcomes.filter((o) => o === 'applied')).toHaveLength(placed.length + lines.length);
        expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(placed.length + lines.length);
        expect(await env.summaries()).toEqual(orders.map((id) => ({ id, customerId: 'c', status: 'placed', total: 15, lineCount: 5 })));
      } finally {
        await replica.destroy();
      }
    });

    it('applies each event alone when the batch cannot commit, and loses none', async () => {
      const events = ['r1', 'r2', 'r3'].map((orderId) => cloudEvent('OrderPlaced', { orderId, customerId: 'c' }));
      // Another writer inserts r2 after the batch read it absent, just before the batch's
      // transaction goes out: its insert of r2 conflicts and the transaction rolls back.
      const send = Client.prototype.query;
      let raced = false;
      const query = jest.spyOn(Client.prototype, 'query').mockImplementation(async function (this: Client, ...args: unknown[]) {
        if (!raced && typeof args[0] === 'string' && args[0].startsWith('BEGIN')) {
          raced = true;
          await env.db.pool.query("INSERT INTO order_summaries (id, customer_id, status, total, line_count) VALUES ('r2', 'other', 'placed', 0, 0)");
        }
        return send.apply(this, args as never);
      } as never);
      let outcomes: string[];
      try {
        outcomes = await Promise.all(events.map((event) => applyIntegrationEvent(env.dataSource, projection, event)));
      } finally {
        query.mockRestore();
      }

      expect(raced).toBe(true);
      expect(outcomes).toEqual(['applied', 'applied', 'applied']);
      expect((await env.summaries()).map((row) => row.id).sort()).toEqual(['r1', 'r2', 'r3']);
      expect((await env.db.pool.query('SELECT count(*)::int AS n FROM inbox')).rows[0].n).toBe(3);
    });
  });
});
