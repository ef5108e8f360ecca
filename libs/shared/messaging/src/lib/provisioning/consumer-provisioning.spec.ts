import { consumerName } from './consumer-provisioning';

describe('consumerName', () => {
  it('names a durable consumer <service>__<handler>', () => {
    expect(consumerName('erp-adapter', 'create-customer')).toBe('erp-adapter__create-customer');
  });

  it('rejects names that would make the consumer name ambiguous or invalid', () => {
    expect(() => consumerName('erp_adapter', 'x')).toThrow(/invalid service name "erp_adapter"/);
    expect(() => consumerName('crm', 'crm.customer.won')).toThrow(/invalid handler name "crm.customer.won"/);
  });
});
