import { postJson, type ServiceProcess } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';

export const CONDITIONS = { paymentTerms: 'NET30', discountPercent: 5, validFrom: '2026-01-01', validTo: '2026-12-31' };

/** A customer in the CLM (as the adapter would have created it) with a contract drafted for it, through the CLM's own API. */
export async function draftContractInClm(clm: ServiceProcess): Promise<{ customerId: string; clmCustomerId: string; clmContractId: string }> {
  const customerId = `c-${randomUUID()}`;
  const customer = await postJson(`${clm.api}/customers`, { name: 'ACME GmbH', email: 'legal@acme.example', externalRef: customerId }, { 'Idempotency-Key': randomUUID() });
  if (customer.status !== 201) throw new Error(`CLM POST /customers answered ${customer.status}`);
  const { clmCustomerId } = customer.body as { clmCustomerId: string };
  const contract = await postJson(`${clm.api}/admin/contracts`, { clmCustomerId, title: 'Framework agreement 2026', conditions: CONDITIONS });
  if (contract.status !== 201) throw new Error(`CLM POST /admin/contracts answered ${contract.status}`);
  return { customerId, clmCustomerId, clmContractId: (contract.body as { id: string }).id };
}

export async function signContractInClm(clm: ServiceProcess, clmContractId: string): Promise<void> {
  const signed = await postJson(`${clm.api}/admin/contracts/${clmContractId}/sign`, { signedBy: 'Jane Doe, CEO' });
  if (signed.status !== 200) throw new Error(`CLM sign answered ${signed.status}`);
}
