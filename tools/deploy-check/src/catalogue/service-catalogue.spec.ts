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
  ])('rejects %s', (_case, text, message) => {
    expect(() => parseCatalogue(text)).toThrow(message);
  });
});
