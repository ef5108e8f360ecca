import { assertSubjectName, isSubjectName } from './subject-name';

describe('subject names', () => {
  it.each(['crm.customer.won', 'order.placed', 'order.status-changed', 'contract.signed-copy.stored', 'erp.v2.order'])(
    'accepts %s',
    (subject) => expect(isSubjectName(subject)).toBe(true),
  );

  it.each([
    'crm',
    'CRM.customer.won',
    'crm.customerWon',
    'crm.customer_won',
    'crm..won',
    'crm.customer.',
    'crm.-won',
    'crm.won-',
    'crm.customer--won',
    'crm.*',
    'crm.>',
    'crm.customer won',
    '1crm.won',
  ])('rejects %s', (subject) => expect(isSubjectName(subject)).toBe(false));

  it('explains what a valid name looks like', () => {
    expect(() => assertSubjectName('crm.CustomerWon')).toThrow(/invalid subject name "crm.CustomerWon".*lower-case words joined by "-"/);
    expect(assertSubjectName('crm.customer.won')).toBe('crm.customer.won');
  });
});
