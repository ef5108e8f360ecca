import { startWebhookReceiver, type SimulatorForTest, type WebhookReceiver } from '@switchboard/simulator-kit/testing';
import { getJson, postJson, waitFor } from '@switchboard/testing';
import { createHash, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { conditions, createClmCustomer, draftContract, startClmSimulator, WEBHOOK_SECRET } from './support/clm-simulator';

describe('CLM contracts', () => {
  let receiver: WebhookReceiver;
  let clm: SimulatorForTest;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    clm = await startClmSimulator({ WEBHOOK_URLS: receiver.url, WEBHOOK_SECRET });
  });
  afterAll(async () => {
    await clm.close();
    await receiver.close();
  });

  const webhooksFor = (contractId: string) =>
    receiver.received
      .filter((r) => r.status < 300)
      .map((r) => ({ id: r.headers['webhook-id'], payload: new Webhook(WEBHOOK_SECRET).verify(r.body, r.headers as Record<string, string>) as { type: string; data: { id: string } } }))
      .filter((w) => w.payload.data.id === contractId);

  const download = async (contractId: string) => {
    const response = await fetch(`${clm.api}/contracts/${contractId}/document`);
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it('drafts a contract for a customer, shows it, and reports it with a signed contract.drafted webhook', async () => {
    const externalRef = randomUUID();
    const clmCustomerId = await createClmCustomer(clm, externalRef);

    const contractId = await draftContract(clm, clmCustomerId);

    const shown = (await getJson(`${clm.api}/contracts/${contractId}`)).body;
    expect(shown).toEqual({
      id: contractId,
      clmCustomerId,
      customerExternalRef: externalRef,
      title: 'Framework agreement 2026',
      status: 'drafted',
      conditions,
      draftedAt: expect.any(String),
      signedAt: null,
      signedBy: null,
    });
    const [drafted] = await waitFor(() => webhooksFor(contractId).length === 1 && webhooksFor(contractId), { what: 'contract.drafted' });
    expect(drafted).toEqual({ id: `${contractId}.drafted`, payload: { type: 'contract.drafted', timestamp: shown.draftedAt, data: shown } });
  });

  it('answers 409 for the document of a contract not signed yet', async () => {
    const contractId = await draftContract(clm, await createClmCustomer(clm));

    const { response, bytes } = await download(contractId);

    expect(response.status).toBe(409);
    expect(JSON.parse(bytes.toString('utf8')).code).toBe('clm.contract.not-signed');
  });

  it('signs a contract once, reports it with contract.signed, and signing again changes nothing', async () => {
    const contractId = await draftContract(clm, await createClmCustomer(clm));

    const signed = await postJson(`${clm.api}/admin/contracts/${contractId}/sign`, { signedBy: 'Jane Doe' });
    const again = await postJson(`${clm.api}/admin/contracts/${contractId}/sign`, { signedBy: 'Someone Else' });

    expect(signed).toMatchObject({ status: 200, body: { status: 'signed', signedBy: 'Jane Doe', signedAt: expect.any(String) } });
    expect(again.body).toEqual(signed.body);
    await waitFor(() => webhooksFor(contractId).length === 2, { what: 'drafted and signed webhooks' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const types = webhooksFor(contractId).map((w) => [w.id, w.payload.type]);
    expect(types).toEqual([
      [`${contractId}.drafted`, 'contract.drafted'],
      [`${contractId}.signed`, 'contract.signed'],
    ]);
  });

  it('serves the signed contract as a PDF with its length and a sha256 ETag, the same bytes on every download', async () => {
    const contractId = await draftContract(clm, await createClmCustomer(clm));
    await postJson(`${clm.api}/admin/contracts/${contractId}/sign`, {});

    const first = await download(contractId);
    const second = await download(contractId);

    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toBe('application/pdf');
    expect(Number(first.response.headers.get('content-length'))).toBe(first.bytes.length);
    expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const sha256 = createHash('sha256').update(first.bytes).digest('hex');
    expect(first.response.headers.get('etag')).toBe(`"${sha256}"`);
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('answers 404 for an unknown contract, and for drafting one for an unknown customer', async () => {
    expect((await getJson(`${clm.api}/contracts/CT-0`)).status).toBe(404);
    expect((await download('CT-0')).response.status).toBe(404);
    expect((await postJson(`${clm.api}/admin/contracts/CT-0/sign`, {})).status).toBe(404);
    expect((await postJson(`${clm.api}/admin/contracts`, { clmCustomerId: 'CC-0', title: 't', conditions })).status).toBe(404);
  });

  it('refuses a draft with malformed conditions naming the field', async () => {
    const clmCustomerId = await createClmCustomer(clm);

    const response = await postJson(`${clm.api}/admin/contracts`, { clmCustomerId, title: 't', conditions: { ...conditions, discountPercent: 150 } });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'conditions.discountPercent' })]);
  });

  it('serves contracts with the injected faults, and empties everything on reset', async () => {
    const contractId = await draftContract(clm, await createClmCustomer(clm));
    await fetch(`${clm.api}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 1 }) });

    expect((await getJson(`${clm.api}/contracts/${contractId}`)).status).toBe(500);

    expect((await fetch(`${clm.api}/admin/reset`, { method: 'POST' })).status).toBe(204);
    expect((await getJson(`${clm.api}/contracts/${contractId}`)).status).toBe(404);
  });
});
