import { waitFor } from '@switchboard/testing';
import { startErpAdapterScenario, type ErpAdapterScenario } from './support/erp-adapter-app';
import { acceptedOrder, advance, published, sleep, syncOf } from './support/flow';

describe('erp-adapter polling the ERP changes feed', () => {
  let scenario: ErpAdapterScenario;

  beforeAll(async () => {
    scenario = await startErpAdapterScenario({ webhooks: false, polling: true });
  }, 60_000);

  afterAll(async () => {
    await scenario?.close();
  });

  it('produces erp.order.updated from the changes feed, once per change, and keeps its cursor', async () => {
    const { adapter, erp } = scenario;
    const { orderId, erpOrderNumber } = await acceptedOrder(scenario);
    await advance(scenario, erpOrderNumber);
    await advance(scenario, erpOrderNumber, 'invoiced');

    const sync = await syncOf(adapter, 'orders', orderId, (body) => body.erpVersion === 3);
    expect(sync).toMatchObject({
      status: 'invoiced',
      changes: [expect.objectContaining({ erpVersion: 2, status: 'in_fulfilment', origin: 'polling' }), expect.objectContaining({ erpVersion: 3, status: 'invoiced', origin: 'polling' })],
    });
    const updates = await waitFor(async () => {
      const events = await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId);
      return events.length === 2 && events;
    });
    await sleep(600); // a few more polling rounds
    expect(await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId)).toEqual(updates);
    // Each polled change starts a chain in the ERP.
    expect(updates).toEqual([2, 3].map(() => expect.objectContaining({ origin: 'erp', correlationid: expect.stringMatching(/^erp-change-\d+$/) })));
    const [{ position }] = (await adapter.schema.pool.query(`SELECT position FROM erp_change_cursors WHERE feed = 'sales-orders'`)).rows;
    const { next } = await erp.get<{ next: number }>('/sales-orders/changes?since=0&limit=500');
    expect(Number(position)).toBe(next);
  });

  it('applies changes while another connection holds the cursor row, and never waits for it', async () => {
    const { adapter, erp } = scenario;
    const { orderId, erpOrderNumber } = await acceptedOrder(scenario);
    const cursor = async () => Number((await adapter.schema.pool.query(`SELECT position FROM erp_change_cursors WHERE feed = 'sales-orders'`)).rows[0].position);
    const { next } = await erp.get<{ next: number }>('/sales-orders/changes?since=0&limit=500');
    await waitFor(async () => (await cursor()) === next, { what: 'the poller caught up with the feed' });
    const changes = async () => (await adapter.eventTypes(`erpOrderSync-${orderId}`)).filter((type) => type === 'ErpOrderChanged').length;
    const blocker = await adapter.schema.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT position FROM erp_change_cursors WHERE feed = 'sales-orders' FOR UPDATE`);
      // The first change makes the poller move the cursor the blocker holds; a poller that waited
      // for the row would never see the second.
      await advance(scenario, erpOrderNumber);
      // Read from the events table: this open transaction holds back what subscribers see.
      await waitFor(async () => (await changes()) === 1, { timeoutMs: 10_000, what: 'the first change applied while the cursor row is locked' });
      await advance(scenario, erpOrderNumber);
      await waitFor(async () => (await changes()) === 2, { timeoutMs: 10_000, what: 'the second change applied while the cursor row is locked' });
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    await waitFor(async () => (await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId)).length === 2);
    await waitFor(async () => (await cursor()) > next, { what: 'the cursor moved once the row was free' });
  });

  it('publishes a change once when both its webhook and the poller bring it', async () => {
    const { adapter, erp } = scenario;
    await erp.subscribe(`${adapter.base}/webhooks/erp`, scenario.secret);
    const { orderId, erpOrderNumber } = await acceptedOrder(scenario);
    for (const _step of [1, 2, 3]) await advance(scenario, erpOrderNumber);

    await syncOf(adapter, 'orders', orderId, (body) => body.erpVersion === 4);
    // Generous: the relay sees an event once every older transaction in the cluster has ended,
    // and other suites run beside this one in CI.
    const updates = await waitFor(
      async () => {
        const events = await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId);
        return events.length === 3 && events;
      },
      { timeoutMs: 30_000, what: 'three erp.order.updated for the order' },
    );
    await sleep(1_000); // the slower channel has delivered too
    expect(await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId)).toEqual(updates);
    expect(updates.map((event) => event.data.erpVersion)).toEqual([2, 3, 4]);
    expect(updates.map((event) => event.id)).toEqual([2, 3, 4].map((version) => `erp-order-change:${erpOrderNumber}:${version}`));
    expect(await adapter.eventTypes(`erpOrderSync-${orderId}`)).toEqual(['ErpOrderAccepted', 'ErpOrderChanged', 'ErpOrderChanged', 'ErpOrderChanged']);
  });
});
