import { advanceTo } from './sales-order-status';

describe('advanceTo', () => {
  it('moves an order to the next status when none is requested', () => {
    expect(advanceTo('accepted')).toBe('in_fulfilment');
    expect(advanceTo('in_fulfilment')).toBe('shipped');
    expect(advanceTo('shipped')).toBe('invoiced');
  });

  it('jumps ahead to a requested later status', () => {
    expect(advanceTo('accepted', 'shipped')).toBe('shipped');
  });

  it('refuses to move an invoiced order, backwards, or to where it already is', () => {
    expect(advanceTo('invoiced')).toBeUndefined();
    expect(advanceTo('shipped', 'accepted')).toBeUndefined();
    expect(advanceTo('shipped', 'shipped')).toBeUndefined();
  });
});
