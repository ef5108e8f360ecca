import { CONTRACT_DRAFTED, CONTRACT_SIGNED } from '@switchboard/contracts';
import { getJson, waitFor } from '@switchboard/testing';
import { generateWebhookSecret, WebhookSigner } from '@switchboard/webhooks';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CONDITIONS, draftContractInClm, signContractInClm } from './support/clm-scenario';
import { startContractAdapterWorld, type ContractAdapterWorld } from './support/contract-adapter-app';

let world: ContractAdapterWorld;

beforeAll(async () => {
  world = await startContractAdapterWorld();
});

afterAll(async () => {
  await world?.close();
});

const contractEvents = async (subject: string, clmContractId: string) =>
  (await world.app.publishedEvents(subject)).filter((event) => (event.data as { clmContractId: string }).clmContractId === clmContractId);

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

interface Delivery {
  readonly id: string;
  readonly body: string;
  readonly secret?: string;
  readonly timestamp?: Date;
  readonly gzip?: boolean;
  readonly contentType?: string;
  readonly signed?: boolean;
  readonly mode?: 'sync' | 'async';
}

/** A delivery to `POST /webhooks/clm` as the CLM sends it (Standard Webhooks headers over the uncompressed body). */
async function deliver({ id, body, secret = world.webhookSecret, timestamp, gzip = false, contentType = 'application/json', signed = true, mode }: Delivery) {
  const headers: Record<string, string> = { 'content-type': contentType, ...(signed ? new WebhookSigner(secret).sign(id, body, timestamp) : {}) };
  if (gzip) headers['content-encoding'] = 'gzip';
  const response = await fetch(`${world.app.base}/webhooks/clm${mode ? `?mode=${mode}` : ''}`, {
    method: 'POST',
    headers,
    body: gzip ? gzipSync(body) : body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A CLM contract as its webhooks carry it, for a contract the CLM never announced. */
function clmContract(status: 'drafted' | 'signed') {
  const id = `CT-T${randomUUID().slice(0, 8)}`;
  const customerId = `c-${randomUUID()}`;
  const data = {
    id,
    clmCustomerId: 'CC-999',
    customerExternalRef: customerId,
    title: 'Side letter',
    status,
    conditions: CONDITIONS,
    draftedAt: '2026-01-02T10:00:00.000Z',
    signedAt: status === 'signed' ? '2026-01-03T10:00:00.000Z' : null,
    signedBy: status === 'signed' ? 'John Roe' : null,
  };
  return { id, customerId, body: JSON.stringify({ type: `contract.${status}`, timestamp: new Date().toISOString(), data }) };
}

describe('POST /webhooks/clm', () => {
  it('publishes contract.drafted and contract.signed once each for a contract drafted and then signed in the CLM', async () => {
    const { customerId, clmCustomerId, clmContractId } = await draftContractInClm(world.clm);
    const [drafted] = await waitFor(async () => {
      const events = await contractEvents('contract.drafted', clmContractId);
      return events.length > 0 && events;
    }, { timeoutMs: 20_000, what: 'contract.drafted' });
    expect(drafted.type).toBe(CONTRACT_DRAFTED.type);
    expect(drafted.origin).toBe('clm'); // the change started in the CLM: no adapter writes it back there
    expect(drafted.data).toEqual({ contractId: clmContractId, customerId, clmContractId, title: 'Framework agreement 2026', draftedAt: expect.any(String) });

    await signContractInClm(world.clm, clmContractId);
    const [signed] = await waitFor(async () => {
      const events = await contractEvents('contract.signed', clmContractId);
      return events.length > 0 && events;
    }, { timeoutMs: 20_000, what: 'contract.signed' });
    expect(signed.type).toBe(CONTRACT_SIGNED.type);
    expect(signed.origin).toBe('clm');
    expect(signed.data).toEqual({ contractId: clmContractId, customerId, clmContractId, signedAt: expect.any(String) });

    const view = await waitFor(async () => {
      const response = await getJson(`${world.app.api}/contracts/${clmContractId}`);
      return response.body.status === 'signed' && response.body;
    }, { what: 'the contract read model' });
    expect(view).toMatchObject({ id: clmContractId, clmContractId, customerId, clmCustomerId, status: 'signed', conditions: CONDITIONS, signedBy: 'Jane Doe, CEO', signedCopy: null });

    await settle();
    expect(await contractEvents('contract.drafted', clmContractId)).toHaveLength(1);
    expect(await contractEvents('contract.signed', clmContractId)).toHaveLength(1);
  });

  it('answers a replayed webhook-id as the first time and applies it once', async () => {
    const contract = clmContract('drafted');
    const first = await deliver({ id: `${contract.id}.drafted`, body: contract.body });
    const replay = await deliver({ id: `${contract.id}.drafted`, body: contract.body });
    expect(first).toEqual({ status: 202, body: { webhookId: `${contract.id}.drafted`, source: 'clm', status: 'accepted' } });
    expect(replay).toEqual(first);

    await waitFor(async () => (await contractEvents('contract.drafted', contract.id)).length === 1, { timeoutMs: 20_000, what: 'contract.drafted' });
    await settle();
    // One chain, started by the webhook in the CLM.
    expect(await contractEvents('contract.drafted', contract.id)).toEqual([
      expect.objectContaining({ correlationid: `${contract.id}.drafted`, causationid: `${contract.id}.drafted`, origin: 'clm' }),
    ]);
    expect(await world.app.eventTypes(`contract-${contract.id}`)).toEqual(['ContractDrafted']);
  });

  it('records the draft too when the signature overtakes it, from a gzip body in sync mode', async () => {
    const contract = clmContract('signed');
    const response = await deliver({ id: `${contract.id}.signed`, body: contract.body, gzip: true, mode: 'sync' });
    expect(response).toEqual({
      status: 200,
      body: { webhookId: `${contract.id}.signed`, source: 'clm', status: 'processed', result: { contractId: contract.id, recorded: 'signed' } },
    });

    // The late draft changes nothing.
    const late = JSON.parse(contract.body) as { data: Record<string, unknown> };
    const draftBody = JSON.stringify({ type: 'contract.drafted', timestamp: new Date().toISOString(), data: { ...late.data, status: 'drafted', signedAt: null, signedBy: null } });
    expect((await deliver({ id: `${contract.id}.drafted`, body: draftBody, mode: 'sync' })).status).toBe(200);

    await waitFor(async () => (await contractEvents('contract.signed', contract.id)).length === 1, { timeoutMs: 20_000, what: 'contract.signed' });
    expect(await contractEvents('contract.drafted', contract.id)).toHaveLength(1);
    expect(await world.app.eventTypes(`contract-${contract.id}`)).toEqual(['ContractDrafted', 'ContractSigned']);
  });

  it('refuses a forged, a stale and an unsigned delivery with 401 and changes nothing', async () => {
    const contract = clmContract('drafted');
    const id = `${contract.id}.drafted`;
    expect((await deliver({ id, body: contract.body, secret: generateWebhookSecret() })).status).toBe(401);
    expect((await deliver({ id, body: contract.body, timestamp: new Date(Date.now() - 10 * 60_000) })).status).toBe(401);
    expect((await deliver({ id, body: contract.body, signed: false })).status).toBe(401);

    await settle();
    expect((await getJson(`${world.app.api}/contracts/${contract.id}`)).status).toBe(404);
    expect(await world.app.eventTypes(`contract-${contract.id}`)).toEqual([]);
    // Nothing was stored under the id either: the genuine delivery is still applied.
    expect((await deliver({ id, body: contract.body, mode: 'sync' })).status).toBe(200);
  });

  it('answers a body that is not JSON with 415', async () => {
    const contract = clmContract('drafted');
    const response = await deliver({ id: `${contract.id}.drafted`, body: 'type=contract.drafted', contentType: 'text/plain' });
    expect(response.status).toBe(415);
  });

  it('answers a webhook type it does not know with 422 in sync mode', async () => {
    const contract = clmContract('drafted');
    const body = JSON.stringify({ ...JSON.parse(contract.body), type: 'contract.archived' });
    const response = await deliver({ id: `${contract.id}.archived`, body, mode: 'sync' });
    expect(response.status).toBe(422);
    expect(await world.app.eventTypes(`contract-${contract.id}`)).toEqual([]);
  });
});
