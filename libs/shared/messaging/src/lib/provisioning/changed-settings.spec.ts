import { assertNoImmutableChange, changedSettings, ProvisioningError } from './changed-settings';

describe('changedSettings', () => {
  it('reports only the desired keys whose value differs', () => {
    const actual = { max_age: 10, subjects: ['a.>'], storage: 'file', num_replicas: 1 };
    expect(changedSettings({ max_age: 10, subjects: ['a.>'] }, actual)).toEqual([]);
    expect(changedSettings({ max_age: 20, subjects: ['a.>', 'b.>'], storage: 'file' }, actual)).toEqual(['max_age', 'subjects']);
  });

  it('ignores settings left undefined (server defaults)', () => {
    expect(changedSettings<{ a?: number; b: number }>({ a: undefined, b: 1 }, { a: 5, b: 1 })).toEqual([]);
  });
});

describe('assertNoImmutableChange', () => {
  it('names the settings that cannot change in place', () => {
    const attempt = () => assertNoImmutableChange('stream', 'CRM', ['max_age', 'storage'], ['storage'], (k) => `${k} (x)`);
    expect(attempt).toThrow(ProvisioningError);
    expect(attempt).toThrow(/stream "CRM" exists with a different storage \(x\), which cannot be changed in place/);
  });

  it('lets mutable changes through', () => {
    expect(() => assertNoImmutableChange('stream', 'CRM', ['max_age'], ['storage'], String)).not.toThrow();
  });
});
