import { eventStoreCheck } from './event-store.check';
import { natsCheck } from './nats.check';
import { projectionLagCheck } from './projection-lag.check';

// The PostgreSQL and live NATS checks run against the real servers in test/bootstrap.int.spec.ts.
describe('readiness checks', () => {
  it('reports the event store head position as commit.prepare', async () => {
    const check = eventStoreCheck({ headPosition: async () => ({ commit: 812n, prepare: 40n }) });

    expect(await check()).toEqual({ status: 'up', headPosition: '812.40' });
  });

  it('reports an empty event store as up with no head', async () => {
    expect(await eventStoreCheck({ headPosition: async () => null })()).toEqual({ status: 'up', headPosition: null });
  });

  it('is down while a NATS connection getter has nothing yet', async () => {
    expect(await natsCheck(() => undefined)()).toEqual({ status: 'down', message: 'not connected yet' });
  });

  it('names the projections that lag more than allowed', async () => {
    const check = projectionLagCheck(() => [
      { name: 'order-summary', lag: 3n },
      { name: 'customer-view', lag: 250 },
    ], { maxLag: 100 });

    expect(await check()).toEqual({
      status: 'down',
      message: 'more than 100 events behind: customer-view',
      maxLag: 100,
      projections: { 'order-summary': 3, 'customer-view': 250 },
    });
  });

  it('is up when every projection is within the allowed lag', async () => {
    expect((await projectionLagCheck(async () => [{ name: 'order-summary', lag: 0 }], { maxLag: 10 })()).status).toBe('up');
  });
});
