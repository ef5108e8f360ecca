import {
  CONTRACT_CUSTOMER_CREATED,
  CONTRACT_DRAFTED,
  CONTRACT_SIGNED,
  CONTRACT_SIGNED_COPY_STORED,
  CRM_SIGNED_COPY_REQUESTED,
  ERP_CUSTOMER_CREATED,
} from '@switchboard/contracts';
import { idFromIdempotencyKey } from '@switchboard/idempotency';
import { getJson, postJson, waitFor, type Json } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { randomUUID } from 'node:crypto';
import { startCrmApp, type CrmApp } from './support/crm-app';
import { prospectBody, wonCustomer } from './support/customers';

// The ERP and contract adapters' events, published to JetStream as they would, each twice and out of order.
describe('erp.customer.* and contract.> consumers', () => {
  let crm: CrmApp;

  beforeAll(async () => {
    crm = await startCrmApp();
  });

  afterAll(async () => {
    await crm?.close();
  });

  const viewWhen = (customerId: string, done: (view: Json) => boolean, what: string) =>
    waitFor(async () => {
      const res = await getJson(`${crm.api}/customers/${customerId}`);
      return res.status === 200 && done(res.body) ? res.body : undefined;
    }, { what, timeoutMs: 20_000 });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  it('links the ERP customer number and the CLM customer id once, however often they are delivered', async () => {
    const customerId = await wonCustomer(crm);
    const erp = integrationEvent(ERP_CUSTOMER_CREATED, customerId, { customerId, erpCustomerNumber: 'ERP-C-100', createdAt: new Date().toISOString() });
    const clm = integrationEvent(CONTRACT_CUSTOMER_CREATED, customerId, { customerId, clmCustomerId: 'CLM-C-7', createdAt: new Date().toISOString() });
    for (const event of [erp, clm]) await crm.publish(event);
    for (const event of [clm, erp]) await crm.publish(event, { again: true });

    const view = await viewWhen(customerId, (v) => v.externalIds.erpCustomerNumber !== null && v.externalIds.clmCustomerId !== null, 'both ids linked');
    expect(view.externalIds).toEqual({ erpCustomerNumber: 'ERP-C-100', clmCustomerId: 'CLM-C-7' });
    await settle();
    // Two consumers (erp.customer.*, contract.>): the links may land in either order, each once.
    expect((await crm.eventTypes(`customer-${customerId}`)).sort()).toEqual(['ClmCustomerLinked', 'CustomerRegistered', 'CustomerWon', 'ErpCustomerLinked']);
  });

  it('links an ERP number that arrives before the customer is registered, once the registration is in', async () => {
    const key = randomUUID();
    const customerId = idFromIdempotencyKey('customer', key);
    await crm.publish(integrationEvent(ERP_CUSTOMER_CREATED, customerId, { customerId, erpCustomerNumber: 'ERP-EARLY', createdAt: new Date().toISOString() }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const created = await postJson(`${crm.api}/customers`, prospectBody(), { 'idempotency-key': key });

    expect(created.body.id).toBe(customerId);
    const view = await viewWhen(customerId, (v) => v.externalIds.erpCustomerNumber === 'ERP-EARLY', 'the early ERP number linked');
    expect(view.status).toBe('prospect');
  });

  it('records a contract from draft to signed copy when every event comes twice and in reverse order, and requests the signed copy once', async () => {
    const customerId = await wonCustomer(crm);
    const contractId = randomUUID();
    const ids = { contractId, customerId, clmContractId: 'CLM-K-42' };
    const copy = { documentId: 'doc-42', sha256: 'ab'.repeat(32), size: 48_213, url: 'https://documents.example/doc-42' };
    const drafted = integrationEvent(CONTRACT_DRAFTED, contractId, { ...ids, title: 'Master services agreement', draftedAt: '2025-04-01T08:00:00.000Z' });
    const signed = integrationEvent(CONTRACT_SIGNED, contractId, { ...ids, signedAt: '2025-04-04T08:00:00.000Z' });
    const stored = integrationEvent(CONTRACT_SIGNED_COPY_STORED, contractId, { ...ids, ...copy, storedAt: '2025-04-04T08:05:00.000Z' });

    // The copy and the signature overtake the draft: they are refused and retried until it is in.
    for (const event of [stored, signed, drafted]) await crm.publish(event);
    for (const event of [stored, signed, drafted]) await crm.publish(event, { again: true });

    const contract = await waitFor(async () => {
      const res = await getJson(`${crm.api}/contracts/${contractId}`);
      return res.status === 200 && res.body.signedCopy !== null ? res.body : undefined;
    }, { what: 'the signed copy attached', timeoutMs: 30_000 });
    expect(contract).toEqual({
      id: contractId,
      customerId,
      clmContractId: 'CLM-K-42',
      title: 'Master services agreement',
      status: 'signed',
      draftedAt: '2025-04-01T08:00:00.000Z',
      signedAt: '2025-04-04T08:00:00.000Z',
      signedCopyRequestedAt: expect.any(String),
      signedCopy: { ...copy, attachedAt: expect.any(String) },
    });

    await settle();
    expect(await crm.eventTypes(`contractRecord-${contractId}`)).toEqual([
      'ContractDraftRecorded',
      'ContractSigned',
      'SignedCopyRequested',
      'SignedCopyAttached',
    ]);
    const requests = (await crm.publishedEvents('crm.signed-copy.requested')).filter((event) => event.subject === contractId);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ type: CRM_SIGNED_COPY_REQUESTED.type, data: { contractId, customerId, clmContractId: 'CLM-K-42' } });

    const ofCustomer = await getJson(`${crm.api}/customers/${customerId}/contracts`);
    const view = await getJson(`${crm.api}/customers/${customerId}`);
    expect(ofCustomer.body.items).toEqual([contract]);
    expect(view.body.contracts).toEqual([contract]);
  });

  it('answers an unknown contract with a 404 problem', async () => {
    const res = await getJson(`${crm.api}/contracts/${randomUUID()}`);

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'contract-record.not-found' });
  });
});
