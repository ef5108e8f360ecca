import { contractIdForClmContract, type ContractAsReported } from '@switchboard/contract-domain';
/** A contract as the CLM shows it (`GET /contracts/{id}`, and the `data` of its contract webhooks). */
export interface ClmContract {
  readonly id: string;
  readonly clmCustomerId: string;
  /** The Switchboard customer id the customer was created with. */
  readonly customerExternalRef: string;
  readonly title: string;
  readonly status: 'drafted' | 'signed';
  readonly conditions: {
    readonly paymentTerms: string;
    readonly discountPercent: number;
    readonly validFrom: string;
    readonly validTo?: string | null;
  };
  readonly draftedAt: string;
  readonly signedAt: string | null;
  readonly signedBy: string | null;
}

/** The body of a CLM webhook, in the Standard Webhooks payload shape. */
export interface ClmWebhookPayload {
  readonly type: string;
  readonly timestamp: string;
  readonly data: unknown;
}

const STRINGS = ['id', 'clmCustomerId', 'customerExternalRef', 'title', 'draftedAt'] as const;

/**
 * The contract in a webhook's data, or why it is not one. Only the shape is checked here; the
 * Contract decider checks the values.
 */
export function parseClmContract(data: unknown): ClmContract | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return 'data must be a contract object';
  const contract = data as Record<string, unknown>;
  for (const field of STRINGS) {
    if (typeof contract[field] !== 'string') return `data.${field} must be a string`;
  }
  if (contract['status'] !== 'drafted' && contract['status'] !== 'signed')
    return 'data.status must be drafted or signed';
  if (typeof contract['conditions'] !== 'object' || contract['conditions'] === null)
    return 'data.conditions must be an object';
  for (const field of ['signedAt', 'signedBy'] as const) {
    if (contract[field] !== null && contract[field] !== undefined && typeof contract[field] !== 'string')
      return `data.${field} must be a string or null`;
  }
  return contract as unknown as ClmContract;
}

/** What a CLM contract reports, as the Contract aggregate records it (draft and signature alike). */
export function contractAsReported(contract: ClmContract): ContractAsReported {
  return {
    contractId: contractIdForClmContract(contract.id),
    clmContractId: contract.id,
    customerId: contract.customerExternalRef,
    clmCustomerId: contract.clmCustomerId,
    title: contract.title,
    conditions: { ...contract.conditions, validTo: contract.conditions.validTo ?? null },
    draftedAt: new Date(contract.draftedAt),
  };
}
