import { Namespace } from './namespace';

describe('Namespace', () => {
  it('prefixes stream names upper-case and subjects lower-case', () => {
    const ns = new Namespace('t1a2b');
    expect(ns.stream('CRM')).toBe('T1A2B_CRM');
    expect(ns.subject('crm.customer.won')).toBe('t1a2b.crm.customer.won');
    expect(ns.subject('crm.>')).toBe('t1a2b.crm.>');
    expect(ns.unwrapSubject('t1a2b.crm.customer.won')).toBe('crm.customer.won');
  });

  it('leaves names untouched without a namespace (production)', () => {
    const ns = new Namespace();
    expect(ns.stream('CRM')).toBe('CRM');
    expect(ns.subject('crm.customer.won')).toBe('crm.customer.won');
    expect(ns.unwrapSubject('crm.customer.won')).toBe('crm.customer.won');
  });

  it('refuses a subject from another namespace and a malformed namespace', () => {
    expect(() => new Namespace('t1').unwrapSubject('t2.crm.customer.won')).toThrow(/outside namespace "t1"/);
    expect(() => new Namespace('T1.x')).toThrow(/invalid messaging namespace/);
  });
});
