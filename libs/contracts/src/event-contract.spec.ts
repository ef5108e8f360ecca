import { CRM_CUSTOMER_EVENTS } from './crm';
import { ERP_ORDER_EVENTS } from './erp';
import { defineEventContract } from './event-contract';
import { ORDER_EVENTS } from './order';
import { findStreamForSubject } from './streams';

describe('event contracts', () => {
  it('names the type, version and schema URI after the subject', () => {
    const contract = defineEventContract('order.placed', 2, { type: 'object' });

    expect(contract.type).toBe('switchboard.order.placed.v2');
    expect(contract.dataschema).toBe('urn:switchboard:schema:order.placed:v2');
    expect(contract.schema).toMatchObject({ $id: contract.dataschema, title: contract.type, type: 'object' });
  });

  it.each([
    ['crm', CRM_CUSTOMER_EVENTS],
    ['order', ORDER_EVENTS],
    ['erp', ERP_ORDER_EVENTS],
  ])('publishes every %s contract on its context stream, with a closed object schema', (context, contracts) => {
    for (const contract of contracts) {
      expect(findStreamForSubject(contract.subject)?.context).toBe(context);
      expect(contract.schema).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('refuses a subject that breaks the naming rules', () => {
    expect(() => defineEventContract('Order.Placed', 1, {})).toThrow(/invalid subject name/);
  });
});
