import { defaultHandlerName } from './jetstream-handler-extras';

describe('defaultHandlerName', () => {
  it('derives a consumer-safe name from the pattern', () => {
    expect(defaultHandlerName('crm.customer.won')).toBe('crm-customer-won');
    expect(defaultHandlerName('order.status-changed')).toBe('order-status-changed');
    expect(defaultHandlerName('order.*')).toBe('order-any');
    expect(defaultHandlerName('contract.>')).toBe('contract-all');
  });
});
