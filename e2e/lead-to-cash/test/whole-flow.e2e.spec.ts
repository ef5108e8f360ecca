import { DEMO_SERVICE_NAMES, formatEntry, runLeadToCashDemo, type DemoOrigins } from '@switchboard/demo';
import { getJson, postExpecting, waitFor, type Json } from '@switchboard/testing';
import { createHash } from 'node:crypto';
import { customerViewWhen, orderWhen, placeOrderOnceWon, winCustomer } from '@switchboard/testing/system';
import { CLEAN_EXIT } from './support/lead-to-cash';
import { startWholeSystem, type WholeSystem } from '@switchboard/testing/system';

const CONDITIONS = { paymentTerms: 'NET30', discountPercent: 5, validFrom: '2020-01-01' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function download(url: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

// Everything real: crm, order, both adapters and both simulators as their own processes, talking HTTP, webhooks and JetStream.
describe('the whole lead-to-cash flow through the adapters to the simulated ERP and CLM', () => {
  let system: WholeSystem;

  beforeAll(async () => {
    system = await startWholeSystem();
  }, 120_000);

  afterAll(async () => {
    await system?.close();
  });

  it('takes a won customer through contract, signature, order, shipment and invoice, each step visible in the CRM and the order service', async () => {
    const {
      crm,
      order,
      'erp-simulator': erp,
      'clm-simulator': clm,
      'contract-adapter': contractAdapter,
    } = system.services;

    // Win → the adapters create the customer in the ERP and the CLM, and the CRM learns both ids.
    const customerId = await winCustomer(crm);
    const linked = await customerViewWhen(
      crm,
      customerId,
      (view) => view.externalIds.erpCustomerNumber !== null && view.externalIds.clmCustomerId !== null,
      'both external ids in the 360 view',
    );
    const { erpCustomerNumber, clmCustomerId } = linked.externalIds;

    // A contract drafted in the CLM reaches the CRM by webhook.
    const clmContract = await postExpecting(
      `${clm.api}/admin/contracts`,
      { clmCustomerId, title: 'Framework agreement', conditions: CONDITIONS },
      201,
    );
    const contractsWhen = (done: (contract: Json) => boolean, what: string) =>
      waitFor(
        async () => {
          const res = await getJson(`${crm.api}/customers/${customerId}/contracts`);
          const contracts: Json[] = res.status === 200 ? res.body.items : [];
          return contracts.length === 1 && done(contracts[0]) ? contracts[0] : undefined;
        },
        { what: `customer ${customerId}'s contract: ${what}`, timeoutMs: 45_000, intervalMs: 100 },
      );
    await contractsWhen((c) => c.clmContractId === clmContract.id && c.status === 'drafted', 'drafted');

    // Signed in the CLM → the CRM shows it signed with the signed copy, and the ERP gets the conditions.
    await postExpecting(`${clm.api}/admin/contracts/${clmContract.id}/sign`, { signedBy: 'Jane Doe, CEO' }, 200);
    const signed = await contractsWhen(
      (c) => c.status === 'signed' && c.signedCopy !== null,
      'signed, with the signed copy',
    );
    const original = await download(`${clm.api}/contracts/${clmContract.id}/document`);
    expect(original.status).toBe(200);
    const clmSha256 = sha256(original.bytes);
    expect(original.headers.get('etag')).toBe(`"${clmSha256}"`);
    expect(signed.signedCopy).toMatchObject({
      sha256: clmSha256,
      size: original.bytes.length,
      documentId: expect.any(String),
    });
    expect(signed.signedCopy.url.startsWith(contractAdapter.base)).toBe(true);
    const copy = await download(signed.signedCopy.url);
    expect({ status: copy.status, sha256: sha256(copy.bytes) }).toEqual({ status: 200, sha256: clmSha256 });
    const conditions = await waitFor(
      async () => {
        const res = await getJson(`${erp.api}/customers/${erpCustomerNumber}/conditions`);
        return res.status === 200 ? (res.body as Json) : undefined;
      },
      { what: `the ERP's conditions of ${erpCustomerNumber}`, timeoutMs: 45_000, intervalMs: 100 },
    );
    expect(conditions).toMatchObject({
      contractId: clmContract.id,
      paymentTerms: 'NET30',
      discountPercent: 5,
      validFrom: '2020-01-01',
    });

    // An order → the ERP has it and accepts it; its number reaches the order service and the CRM.
    const orderId = await placeOrderOnceWon(order, customerId);
    const accepted = await orderWhen(order, orderId, (o) => o.status === 'accepted', 'accepted');
    const erpOrders = (await getJson(`${erp.api}/sales-orders?externalRef=${orderId}`)).body;
    expect(erpOrders).toHaveLength(1);
    expect(erpOrders[0]).toMatchObject({ customerNumber: erpCustomerNumber, status: 'accepted' });
    const erpOrderNumber: string = erpOrders[0].orderNumber;
    expect(accepted.erpOrderNumber).toBe(erpOrderNumber);
    const orderInCrm = (status: string) => (view: Json) =>
      view.orders.some(
        (o: Json) => o.id === orderId && o.status === status && o.erpOrderNumber === erpOrderNumber,
      );
    await customerViewWhen(crm, customerId, orderInCrm('accepted'), 'the accepted order in the 360 view');

    // Advanced in the ERP → each state reaches the order service and the CRM by webhook.
    for (const status of ['shipped', 'invoiced']) {
      await postExpecting(`${erp.api}/admin/sales-orders/${erpOrderNumber}/advance`, { status }, 200);
      await orderWhen(order, orderId, (o) => o.status === status, status);
      await customerViewWhen(crm, customerId, orderInCrm(status), `the ${status} order in the 360 view`);
    }

    // Nothing created twice in the external systems, nor in the CRM.
    expect((await getJson(`${erp.api}/customers?externalRef=${customerId}`)).body).toHaveLength(1);
    expect((await getJson(`${clm.api}/customers?externalRef=${customerId}`)).body).toHaveLength(1);
    expect((await getJson(`${erp.api}/sales-orders?externalRef=${orderId}`)).body).toHaveLength(1);
    const view = (await getJson(`${crm.api}/customers/${customerId}`)).body;
    expect(view).toMatchObject({ status: 'won', externalIds: { erpCustomerNumber, clmCustomerId } });
    expect(view.contracts).toHaveLength(1);
    expect(view.orders).toHaveLength(1);
  }, 150_000);

  it('runs the demo scenario against the running system and prints each step', async () => {
    const { crm, 'erp-simulator': erp, 'clm-simulator': clm } = system.services;
    const origins = Object.fromEntries(
      DEMO_SERVICE_NAMES.map((name) => [name, system.services[name].base]),
    ) as DemoOrigins;
    const printed: string[] = [];

    const { ids, timeline } = await runLeadToCashDemo(origins, {
      report: (entry) => printed.push(formatEntry(entry)),
    });

    // Every step, in order, each with all it waits for (a step's observations may be seen in any order).
    const stepsInOrder = timeline.map((entry) => entry.step).filter((step, i, all) => all[i - 1] !== step);
    expect(stepsInOrder).toEqual([
      'check health',
      'register a prospect (CRM)',
      'win the customer (CRM)',
      'draft a contract (CLM)',
      'sign the contract (CLM)',
      'place an order (order)',
      'ship it (ERP)',
      'invoice it (ERP)',
    ]);
    expect(timeline.map((entry) => entry.visible).sort()).toEqual(
      [
        'all six services answer /health/ready',
        'the CRM 360 view shows the prospect',
        'the CRM shows the ERP customer number',
        'the CRM shows the CLM customer id',
        'the CRM shows the contract drafted',
        "the CRM shows it signed, copy's sha256 = CLM's",
        "the ERP has the contract's conditions",
        'the ERP has the sales order, accepted',
        'the order service shows it accepted',
        'the CRM 360 view shows it accepted',
        'the order service shows it shipped',
        'the CRM 360 view shows it shipped',
        'the order service shows it invoiced',
        'the CRM 360 view shows it invoiced',
      ].sort(),
    );
    for (const [i, entry] of timeline.entries()) {
      expect(entry.latencyMs).toBeGreaterThanOrEqual(0);
      expect(entry.elapsedMs).toBeGreaterThanOrEqual(i === 0 ? entry.latencyMs : timeline[i - 1].elapsedMs);
    }
    // Printed: one line per entry, naming every id the demo reports.
    expect(printed).toHaveLength(timeline.length);
    for (const id of Object.values(ids)) expect(printed.join('\n')).toContain(id);

    // The ids it reports are the ones the systems hold: the CRM, the ERP and the CLM agree with it.
    const view = (await getJson(`${crm.api}/customers/${ids.customerId}`)).body;
    expect(view).toMatchObject({
      status: 'won',
      externalIds: { erpCustomerNumber: ids.erpCustomerNumber, clmCustomerId: ids.clmCustomerId },
      contracts: [{ clmContractId: ids.contractId, status: 'signed', signedCopy: { sha256: ids.sha256 } }],
      orders: [{ id: ids.orderId, status: 'invoiced', erpOrderNumber: ids.erpOrderNumber }],
    });
    expect((await getJson(`${erp.api}/sales-orders?externalRef=${ids.orderId}`)).body).toEqual([
      expect.objectContaining({
        orderNumber: ids.erpOrderNumber,
        customerNumber: ids.erpCustomerNumber,
        status: 'invoiced',
      }),
    ]);
    expect(sha256((await download(`${clm.api}/contracts/${ids.contractId}/document`)).bytes)).toBe(
      ids.sha256,
    );
  }, 60_000);

  it('stops every service and simulator on SIGTERM with exit code 0', async () => {
    const names = Object.keys(system.services) as (keyof WholeSystem['services'])[];
    const exits = await Promise.all(names.map((name) => system.services[name].stop()));

    expect(Object.fromEntries(names.map((name, i) => [name, exits[i]]))).toEqual(
      Object.fromEntries(names.map((name) => [name, CLEAN_EXIT])),
    );
  });
});
