import { randomUUID } from 'node:crypto';
import { applyIntegrationEvent, defineProjection } from '../src';
import { OrderSummary } from './fixtures/order-summary.entity';
import { evolveOrderSummary, orderSummaryProjection, type OrderSummaryEvent } from './fixtures/order-summary.projection';
import { createProjectionTestEnv, type ProjectionTestEnv } from './fixtures/projection-test-env';

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
});
