import { parseCatalogue } from './service-catalogue';

const valid = `
release: { registry: registry.example.com/switchboard, tag: 1.2.3 }
services:
  - { name: crm, kind: service, publishes: crm, localPort: 3001, replicas: { min: 2, max: 6 } }
`;

describe('parseCatalogue', () => {
  it('reads a valid catalogue', () => {
    expect(parseCatalogue(valid).services).toEqual([{ name: 'crm', kind: 'service', publishes: 'crm', localPort: 3001, replicas: { min: 2, max: 6 } }]);
  });

  it.each([
    ['a latest release tag', valid.replace('tag: 1.2.3', 'tag: latest'), '/release/tag'],
    ['an unknown field', valid.replace('kind: service,', 'kind: service, port: 1,'), 'must NOT have additional properties'],
    ['a context that has no stream', valid.replace('publishes: crm', 'publishes: billing'), '/services/0/publishes'],
    ['a service publishing nothing', valid.replace('publishes: crm, ', ''), 'must name the context it publishes'],
    ['a duplicate name', `${valid}  - { name: crm, kind: simulator, localPort: 3101, replicas: { min: 1, max: 1 } }\n`, 'crm: listed twice'],
    ['min above max', valid.replace('min: 2', 'min: 7'), 'replicas.min is above replicas.max'],
    ['egress to an unknown service', valid.replace('max: 6 } }', 'max: 6 }, egress: [{ service: erp }] }'), 'egress to unknown service erp'],
    ['a credential under config', valid.replace('max: 6 } }', 'max: 6 }, config: { ERP_WEBHOOK_SECRETS: x } }'), 'ERP_WEBHOOK_SECRETS is a credential: list it under secrets'],
    ['config overriding what the generator sets', valid.replace('max: 6 } }', 'max: 6 }, config: { NATS_USER: x } }'), 'NATS_USER is set by the generator'],
    ['a secret overriding what the generator sets', valid.replace('max: 6 } }', 'max: 6 }, secrets: { DATABASE_URL: db } }'), 'DATABASE_URL is set by the generator'],
    ['a lower-case variable', valid.replace('max: 6 } }', 'max: 6 }, config: { erp_url: x } }'), 'property name must be valid'],
    [
      'a URL to a service its egress does not allow',
      `${valid}  - { name: erp-simulator, kind: simulator, localPort: 3101, replicas: { min: 1, max: 1 }, config: { WEBHOOK_URLS: "http://crm/webhooks/erp" } }\n`,
      'erp-simulator: WEBHOOK_URLS calls crm, which its egress does not allow',
    ],
  ])('rejects %s', (_case, text, message) => {
    expect(() => parseCatalogue(text)).toThrow(message);
  });

  it('reads config and shared secrets, and accepts a URL to a service it may reach or to itself', () => {
    const simulator = `${valid}  - { name: erp-simulator, kind: simulator, localPort: 3101, replicas: { min: 1, max: 1 }, egress: [{ service: crm }], config: { WEBHOOK_URLS: "http://crm/webhooks/erp,http://erp-simulator/self", WEBHOOK_MAX_ATTEMPTS: 5 }, secrets: { WEBHOOK_SECRET: erp-webhook } }\n`;
    expect(parseCatalogue(simulator).services[1]).toEqual(
      expect.objectContaining({ config: { WEBHOOK_URLS: 'http://crm/webhooks/erp,http://erp-simulator/self', WEBHOOK_MAX_ATTEMPTS: 5 }, secrets: { WEBHOOK_SECRET: 'erp-webhook' } }),
    );
  });
});
