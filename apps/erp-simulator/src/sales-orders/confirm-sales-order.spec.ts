import type { CustomerConditions } from '../customers/erp-customer.entity';
import { confirmSalesOrder } from './confirm-sales-order';
import { formatCents, listPriceCents } from './price-list';

const conditions: CustomerConditions = { contractId: 'CT-100001', paymentTerms: 'NET14', discountPercent: 10, validFrom: '2026-01-01', validTo: '2026-12-31' };
const customer = { customerNumber: 'C-100001', conditions: null };
const order = { customerNumber: 'C-100001', today: '2026-03-01', lines: [{ sku: 'SKU-1', quantity: 2 }] };

describe('confirmSalesOrder', () => {
  it('confirms list prices and the standard terms for a customer without conditions', () => {
    const decision = confirmSalesOrder({ ...order, customer });

    expect(decision).toEqual({
      kind: 'accepted',
      lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: formatCents(listPriceCents('SKU-1')) }],
      conditions: { paymentTerms: 'NET30' },
    });
  });

  it('keeps a price the order brings', () => {
    const decision = confirmSalesOrder({ ...order, customer, lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: '12.50' }] });

    expect(decision).toMatchObject({ kind: 'accepted', lines: [{ unitPrice: '12.50' }] });
  });

  it('applies the discount and terms of the contract conditions in force', () => {
    const decision = confirmSalesOrder({ ...order, customer: { ...customer, conditions } });

    expect(decision).toEqual({
      kind: 'accepted',
      lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: formatCents(Math.round(listPriceCents('SKU-1') * 0.9)) }],
      conditions: { contractId: 'CT-100001', paymentTerms: 'NET14', discountPercent: '10', validFrom: '2026-01-01', validTo: '2026-12-31' },
    });
  });

  it('ignores conditions that are not yet or no longer valid', () => {
    expect(confirmSalesOrder({ ...order, today: '2025-12-31', customer: { ...customer, conditions } })).toMatchObject({ conditions: { paymentTerms: 'NET30' } });
    expect(confirmSalesOrder({ ...order, today: '2027-01-01', customer: { ...customer, conditions } })).toMatchObject({ conditions: { paymentTerms: 'NET30' } });
  });

  it('rejects an order for an unknown customer, without lines, or with a SKU not in the catalogue', () => {
    expect(confirmSalesOrder({ ...order, customer: null })).toEqual({ kind: 'rejected', reason: 'unknown customer C-100001' });
    expect(confirmSalesOrder({ ...order, customer, lines: [] })).toEqual({ kind: 'rejected', reason: 'an order needs at least one line' });
    expect(confirmSalesOrder({ ...order, customer, lines: [{ sku: 'X-404', quantity: 1 }] })).toEqual({ kind: 'rejected', reason: 'unknown sku X-404' });
  });
});

describe('listPriceCents', () => {
  it('gives a SKU the same price every time, between 10.00 and 999.99', () => {
    const price = listPriceCents('SKU-1');

    expect(listPriceCents('SKU-1')).toBe(price);
    expect(price).toBeGreaterThanOrEqual(1_000);
    expect(price).toBeLessThan(100_000);
    expect(formatCents(1250)).toBe('12.50');
    expect(formatCents(1005)).toBe('10.05');
  });
});
