import type { IntegrationEventMapper } from '@switchboard/messaging';
import { ServiceConfig } from '@switchboard/observability';
import { relayMapper } from './service-chassis.options';

class LinkingConfig extends ServiceConfig {
  PUBLIC_BASE_URL = 'https://contracts.example';
}

type RecordedEvent = Parameters<IntegrationEventMapper>[0];

describe('relayMapper', () => {
  const config = new LinkingConfig();

  it('relays with a fixed mapper as given', () => {
    const map: IntegrationEventMapper = () => null;

    expect(relayMapper(map, config)).toBe(map);
  });

  it('builds a config-dependent mapper from the service configuration', () => {
    const map = relayMapper(
      {
        fromConfig: (c: LinkingConfig): IntegrationEventMapper => (event) => ({
          type: 'linked',
          data: `${c.PUBLIC_BASE_URL}/${event.streamName}`,
        }),
      },
      config,
    );

    expect(map({ streamName: 'contract-1' } as RecordedEvent)).toEqual({
      type: 'linked',
      data: 'https://contracts.example/contract-1',
    });
  });
});
