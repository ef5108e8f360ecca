import { createHash } from 'node:crypto';

/** SKUs with this prefix are not in the ERP's catalogue: an order for one is rejected. */
export const UNKNOWN_SKU_PREFIX = 'X-';

export const isKnownSku = (sku: string): boolean => !sku.startsWith(UNKNOWN_SKU_PREFIX);

/** The list price of a SKU in cents: derived from the SKU, so the same SKU costs the same everywhere (10.00 to 999.99). */
export function listPriceCents(sku: string): number {
  return 1_000 + (createHash('sha256').update(sku).digest().readUInt32BE(0) % 99_000);
}

/** Cents as a decimal string: 1250 → "12.50". */
export const formatCents = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
