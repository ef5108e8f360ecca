export type ClmCustomerRequest = Readonly<{ idempotencyKey: string; requestedAt: string }>;

export type ClmCustomerSyncState =
  | Readonly<{ status: 'initial' }>
  | Readonly<{ status: 'requested'; customerId: string; request: ClmCustomerRequest }>
  | Readonly<{ status: 'created'; customerId: string; request: ClmCustomerRequest; clmCustomerId: string; name: string; email: string; createdAt: string }>
  | Readonly<{ status: 'refused'; customerId: string; request: ClmCustomerRequest; refusal: Readonly<{ status: number; reason: string; refusedAt: string }> }>;

export function initialClmCustomerSyncState(): ClmCustomerSyncState {
  return { status: 'initial' };
}
