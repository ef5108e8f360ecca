import { Registry } from 'prom-client';
import { enableDefaultMetrics, getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram } from './metrics-registry';

describe('metrics registry helpers', () => {
  let registry: Registry;
  beforeEach(() => {
    registry = new Registry();
  });

  it('returns the same counter for the same name instead of registering it twice', async () => {
    const first = getOrCreateCounter({ name: 'relay_published_total', help: 'events published', labelNames: ['stream'] }, registry);
    const second = getOrCreateCounter({ name: 'relay_published_total', help: 'events published', labelNames: ['stream'] }, registry);
    first.inc({ stream: 'CRM' });
    second.inc({ stream: 'CRM' });

    expect(second).toBe(first);
    expect(await registry.metrics()).toContain('switchboard_relay_published_total{stream="CRM"} 2');
  });

  it('creates histograms and gauges under the switchboard_ prefix', async () => {
    getOrCreateHistogram({ name: 'append_duration_seconds', help: 'append time', buckets: [0.1, 1] }, registry).observe(0.05);
    getOrCreateGauge({ name: 'switchboard_projection_lag', help: 'lag', labelNames: ['projection'] }, registry).set({ projection: 'orders' }, 3);

    const text = await registry.metrics();
    expect(text).toContain('switchboard_append_duration_seconds_bucket{le="0.1"} 1');
    expect(text).toContain('switchboard_projection_lag{projection="orders"} 3');
  });

  it('refuses a name already taken by another kind of metric', () => {
    getOrCreateGauge({ name: 'inflight', help: 'in flight' }, registry);

    expect(() => getOrCreateCounter({ name: 'inflight', help: 'in flight' }, registry)).toThrow('switchboard_inflight is already registered as a Gauge');
  });

  it('registers the default process metrics once however often it is asked', async () => {
    enableDefaultMetrics(registry);
    enableDefaultMetrics(registry);

    expect(await registry.metrics()).toContain('switchboard_process_cpu_user_seconds_total');
  });
});
