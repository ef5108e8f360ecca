/** The stream category of Contract: `contract-<id>` (the id may hold dashes; only the category may not). */
export const CONTRACT_CATEGORY = 'contract';

export function contractStream(contractId: string): string {
  return `${CONTRACT_CATEGORY}-${contractId}`;
}

/**
 * Our id of a CLM contract. Derived, not generated: every webhook delivery of one CLM contract
 * (redelivered, reordered, after a crash) lands on the same aggregate without a lookup table.
 */
export function contractIdForClmContract(clmContractId: string): string {
  return clmContractId;
}
