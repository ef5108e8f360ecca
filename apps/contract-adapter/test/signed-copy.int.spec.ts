import { CONTRACT_SIGNED_COPY_STORED, CRM_SIGNED_COPY_REQUESTED } from '@switchboard/contracts';
import { getJson, waitFor } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { createHash } from 'node:crypto';
import { draftContractInClm, signContractInClm } from './support/clm-scenario';
import { PUBLIC_BASE_URL, startContractAdapterWorld, type ContractAdapterWorld } from './support/contract-adapter-app';

let world: ContractAdapterWorld;

beforeAll(async () => {
  world = await startContractAdapterWorld();
});

afterAll(async () => {
  await world?.close();
});

/** A contract drafted and signed in the CLM, recorded by the adapter through the CLM's webhooks. */
async function signedContract(): Promise<{ customerId: string; clmContractId: string }> {
  const { customerId, clmContractId } = await draftContractInClm(world.clm);
  await signContractInClm(world.clm, clmContractId);
  await waitFor(async () => (await getJson(`${world.app.api}/contracts/${clmContractId}`)).body.status === 'signed', {
    timeoutMs: 20_000,
    what: 'the signature recorded',
  });
  return { customerId, clmContractId };
}

const copiesStored = async (clmContractId: string) =>
  (await world.app.publishedEvents('contract.signed-copy.stored')).filter((event) => (event.data as { clmContractId: string }).clmContractId === clmContractId);

async function clmDocument(clmContractId: string): Promise<{ bytes: Buffer; etag: string }> {
  const response = await fetch(`${world.clm.api}/contracts/${clmContractId}/document`);
  return { bytes: Buffer.from(await response.arrayBuffer()), etag: response.headers.get('etag') ?? '' };
}

const requestCopy = (customerId: string, clmContractId: string) =>
  integrationEvent(CRM_SIGNED_COPY_REQUESTED, clmContractId, { contractId: clmContractId, customerId, clmContractId, requestedAt: new Date().toISOString() });

describe('crm.signed-copy.requested → the signed PDF stored → contract.signed-copy.stored', () => {
  it('stores the CLM document under its sha256, reports it once when asked twice, and serves the same bytes', async () => {
    const { customerId, clmContractId } = await signedContract();
    const request = requestCopy(customerId, clmContractId);
    await world.app.publish(request);
    await world.app.publish(request, { again: true });

    const [stored] = await waitFor(async () => {
      const events = await copiesStored(clmContractId);
      return events.length > 0 && events;
    }, { timeoutMs: 20_000, what: 'contract.signed-copy.stored' });
    const original = await clmDocument(clmContractId);
    const sha256 = createHash('sha256').update(original.bytes).digest('hex');
    expect(original.etag).toBe(`"${sha256}"`);
    expect(stored.type).toBe(CONTRACT_SIGNED_COPY_STORED.type);
    expect(stored.data).toEqual({
      contractId: clmContractId,
      customerId,
      clmContractId,
      documentId: sha256,
      sha256,
      size: original.bytes.length,
      url: `${PUBLIC_BASE_URL}/api/v1/documents/${sha256}`,
      storedAt: expect.any(String),
    });

    const download = await fetch(`${world.app.api}/documents/${sha256}`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-length')).toBe(String(original.bytes.length));
    expect(download.headers.get('etag')).toBe(original.etag);
    expect(bytes.equals(original.bytes)).toBe(true);

    const notModified = await fetch(`${world.app.api}/documents/${sha256}`, { headers: { 'If-None-Match': original.etag } });
    expect(notModified.status).toBe(304);
    expect((await notModified.arrayBuffer()).byteLength).toBe(0);

    const view = (await getJson(`${world.app.api}/contracts/${clmContractId}`)).body;
    expect(view).toMatchObject({ status: 'signed-copy-stored', signedCopy: { documentId: sha256, sha256, size: original.bytes.length } });

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await copiesStored(clmContractId)).toHaveLength(1);
    expect(await world.app.eventTypes(`contract-${clmContractId}`)).toEqual(['ContractDrafted', 'ContractSigned', 'SignedCopyStored']);
    const rows = await world.app.schema.pool.query('SELECT count(*)::int AS n FROM documents WHERE sha256 = $1', [sha256]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('retries while the CLM is down and stores the copy once it is back', async () => {
    const { customerId, clmContractId } = await signedContract();
    const downFor = 3_000;
    await fetch(`${world.clm.api}/admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ downUntil: new Date(Date.now() + downFor).toISOString() }),
    });
    const requestedAt = Date.now();
    await world.app.publish(requestCopy(customerId, clmContractId));

    await waitFor(async () => (await copiesStored(clmContractId)).length === 1, { timeoutMs: 40_000, intervalMs: 200, what: 'the copy after the outage' });
    expect(Date.now() - requestedAt).toBeGreaterThanOrEqual(downFor - 500);
    const [stored] = await copiesStored(clmContractId);
    const download = await fetch(`${world.app.api}/documents/${(stored.data as { sha256: string }).sha256}`);
    expect(Buffer.from(await download.arrayBuffer()).equals((await clmDocument(clmContractId)).bytes)).toBe(true);
  });

  it('answers 404 for a document it does not hold', async () => {
    const response = await fetch(`${world.app.api}/documents/${'0'.repeat(64)}`);
    expect(response.status).toBe(404);
  });
});
