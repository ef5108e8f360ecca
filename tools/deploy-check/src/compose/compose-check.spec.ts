import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { fromRoot } from '../workspace';
import { checkCompose } from './compose-check';

const composeText = () => readFileSync(fromRoot('docker/compose.yaml'), 'utf8');

type Compose = { services: Record<string, Record<string, unknown>>; volumes: Record<string, unknown> };

function broken(change: (compose: Compose) => void): string {
  const compose = parse(composeText()) as Compose;
  change(compose);
  return stringify(compose, { version: '1.1' });
}

describe('checkCompose', () => {
  it('accepts docker/compose.yaml', () => {
    expect(checkCompose(composeText())).toEqual([]);
  });

  it('wires every service to NATS, PostgreSQL and the EventStoreDB adapter, after its migrations', () => {
    const compose = parse(composeText()) as Compose;
    const services = Object.entries(compose.services).filter(([, service]) => (service['environment'] as Record<string, string> | undefined)?.['NATS_URL']);
    expect(services.length).toBeGreaterThan(0);
    for (const [name, service] of services.filter(([n]) => !n.endsWith('-migrate'))) {
      expect(service['environment']).toEqual(expect.objectContaining({ EVENT_STORE_URL: 'esdb://eventstore:2113?tls=false', NATS_URL: 'nats://nats:4222' }));
      expect(service['depends_on']).toEqual(
        expect.objectContaining({ [`${name}-migrate`]: { condition: 'service_completed_successfully' }, nats: { condition: 'service_healthy' } }),
      );
    }
  });

  it('rejects a property the compose specification does not have', () => {
    const problems = checkCompose(broken((c) => (c.services['nats']['restart_policy'] = 'always')));
    expect(problems).toContainEqual({ path: '/services/nats', message: 'must NOT have additional properties: restart_policy' });
  });

  it('rejects a value of the wrong type', () => {
    const problems = checkCompose(broken((c) => (c.services['postgres']['ports'] = 'not-a-list')));
    expect(problems).toContainEqual(expect.objectContaining({ path: '/services/postgres/ports' }));
  });

  it('rejects a dependency on an undefined service and an undeclared volume', () => {
    const problems = checkCompose(
      broken((c) => {
        c.services['nats']['depends_on'] = { missing: { condition: 'service_healthy' } };
        delete c.volumes['postgres-data'];
      }),
    );
    expect(problems).toEqual([
      { path: '/services/nats/depends_on', message: 'depends on undefined service "missing"' },
      { path: '/services/postgres/volumes', message: 'named volume "postgres-data" is not declared under volumes' },
    ]);
  });

  it('reads YAML 1.1 like docker-compose: an unquoted restart: no is a boolean, not a policy', () => {
    const problems = checkCompose('services:\n  job:\n    image: x:1.0.0\n    restart: no\n');
    expect(problems).toEqual([{ path: '/services/job/restart', message: 'must be string' }]);
  });

  it('rejects YAML with a duplicate key', () => {
    expect(checkCompose('services:\n  a:\n    image: x\n  a:\n    image: y\n')).toEqual([expect.objectContaining({ message: expect.stringContaining('unique') })]);
  });
});
