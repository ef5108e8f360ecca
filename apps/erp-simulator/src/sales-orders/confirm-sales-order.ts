import type { CustomerConditions } from '../customers/erp-customer.entity';
import { formatCents, isKnownSku, listPriceCents } from './price-list';

export interface RequestedLine {
  readonly sku: string;
  readonly quantity: number;
  /** A price agreed elsewhere (decimal string); the ERP confirms it as it is. */
  readonly unitPrice?: string;
}

export interface ConfirmedLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: string;
}

export type SalesOrderDecision =
  | { readonly kind: 'accepted'; readonly lines: ConfirmedLine[]; readonly conditions: Record<string, string> }
  | { readonly kind: 'rejected'; readonly reason: string };

/** The ERP's standard terms, when the customer has no contract conditions in force. */
export const STANDARD_CONDITIONS: Readonly<Record<string, string>> = { paymentTerms: 'NET30' };

/**
 * Accepts or rejects an order as the ERP would: the customer must exist, there must be lines, and
 * every SKU must be in the catalogue. Prices: the given one, else the list price less the
 * discount of the customer's contract conditions in force on `today` (YYYY-MM-DD).
 */
export function confirmSalesOrder(input: {
  readonly customer: { readonly customerNumber: string; readonly conditions: CustomerConditions | null } | null;
  readonly customerNumber: string;
  readonly lines: readonly RequestedLine[];
  readonly today: string;
}): SalesOrderDecision {
  if (!input.customer) return { kind: 'rejected', reason: `unknown customer ${input.customerNumber}` };
  if (input.lines.length === 0) return { kind: 'rejected', reason: 'an order needs at least one line' };
  const unknown = input.lines.filter((line) => !isKnownSku(line.sku)).map((line) => line.sku);
  if (unknown.length > 0) return { kind: 'rejected', reason: `unknown sku ${unknown.join(', ')}` };

  const inForce = conditionsInForce(input.customer.conditions, input.today);
  const discountPercent = inForce?.discountPercent ?? 0;
  return {
    kind: 'accepted',
    lines: input.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice ?? formatCents(Math.round((listPriceCents(line.sku) * (100 - discountPercent)) / 100)),
    })),
    conditions: inForce
      ? {
          contractId: inForce.contractId,
          paymentTerms: inForce.paymentTerms,
          discountPercent: String(inForce.discountPercent),
          validFrom: inForce.validFrom,
          ...(inForce.validTo ? { validTo: inForce.validTo } : {}),
        }
      : { ...STANDARD_CONDITIONS },
  };
}

function conditionsInForce(conditions: CustomerConditions | null, today: string): CustomerConditions | undefined {
  if (!conditions) return undefined;
  return conditions.validFrom <= today && (conditions.validTo === null || today <= conditions.validTo) ? conditions : undefined;
}
