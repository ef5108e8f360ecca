import { isEchoTo, isOriginSystem, originOf, originOfService } from './origin-system';

describe('origin systems', () => {
  it('names the system each producing service stands for, and none for others', () => {
    expect(['crm', 'order', 'erp-adapter', 'contract-adapter', 'erp-simulator', 'toString'].map(originOfService)).toEqual([
      'crm',
      'order',
      'erp',
      'clm',
      undefined,
      undefined,
    ]);
  });

  it('knows only the four systems', () => {
    expect(['crm', 'order', 'erp', 'clm'].every(isOriginSystem)).toBe(true);
    expect([undefined, '', 'ERP', 'erp-adapter', 7].some(isOriginSystem)).toBe(false);
  });

  it("takes an event's origin extension over its producer", () => {
    expect(originOf({ source: '/erp-adapter', origin: 'crm' })).toBe('crm');
  });

  it("falls back to the producer's system for an event without an origin; one it does not know is no system of ours", () => {
    expect(originOf({ source: '/contract-adapter' })).toBe('clm');
    expect(originOf({ source: '/order', origin: 'sap' })).toBeUndefined();
    expect(originOf({ source: '/somebody-else' })).toBeUndefined();
  });

  it('calls writing a change back into the system it started in an echo', () => {
    expect(isEchoTo({ source: '/order', origin: 'erp' }, 'erp')).toBe(true);
    expect(isEchoTo({ source: '/erp-adapter' }, 'erp')).toBe(true);
    expect(isEchoTo({ source: '/crm', origin: 'crm' }, 'erp')).toBe(false);
    expect(isEchoTo({ source: '/somebody-else' }, 'clm')).toBe(false);
  });
});
