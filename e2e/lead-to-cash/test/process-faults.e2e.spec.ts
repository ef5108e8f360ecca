import { JetStreamConnection, listDeadLetters } from '@switchboard/messaging';
import { getJson, postExpecting, quietLogger, waitFor, type Json, type ServiceProcess } from '@switchboard/testing';
import {
  customerViewWhen,
  orderWhen,
  placeOrderOnceWon,
  startWholeSystem,
  winCustomer,
  type WholeSystem,
} from '@switchboard/testing/system';
import { expectEachExactlyOnce } from './support/exactly-once';
import { clearFaults, injectFaults } from './support/simulator-faults';
import { deliverWebhook, recordedDeliveries, type RecordedDelivery } from './support/signed-webhook';

/** Every consumer of the four services: a killed process's unacked messages come back within seconds, and retries stay quick. */
const FAST_REDELIVERY = {
  CONSUMER_ACK_WAIT_MS: '3000',
  CONSUMER_BACKOFF_MS: '200,500,1000,2000',
  CONSUMER_MAX_DELIVER: '100',
};

/** The records a simulator lists at `resource` for `refs` (by externalRef), flattened. */
async function listed(
  simulator: ServiceProcess,
  resource: 'customers' | 'sales-orders',
  refs: readonly string[],
): Promise<Json[]> {
  const lists = await Promise.all(
    refs.map((ref) => getJson(`${simulator.api}/${resource}?externalRef=${ref}`)),
  );
  return lists.flatMap((res) => (res.status === 200 ? res.body : []));
}

/**
 * SIGKILLs `processes` together (a crash: no shutdown hook runs) and starts them again a moment
 * later; resolves to when they were killed.
 */
/** Resolves once the simulator's injected latency holds a POST to `path`: a call in flight. */
function holdsACall(simulator: ServiceProcess, path: string): Promise<unknown> {
  return waitFor(
    async () => ((await getJson(`${simulator.api}/admin/held-requests`)).body as { method: string; path: string }[]).some((held) => held.method === 'POST' && held.path === path),
    { what: `${simulator.service} to hold a call to ${path}`, timeoutMs: 30_000, intervalMs: 20 },
  );
}

async function crashAndRestart(...processes: ServiceProcess[]): Promise<number> {
  const killedAt = Date.now();
  const exits = await Promise.all(processes.map((p) => p.kill()));
  expect(exits.map((exit) => exit.signal)).toEqual(processes.map(() => 'SIGKILL'));
  await new Promise((resolve) => setTimeout(resolve, 500));
  await Promise.all(processes.map((p) => p.restart()));
  return killedAt;
}

// The whole system as its own processes; faults are a process dying mid-flow, and webhooks arriving twice or out of order.
describe('the lead-to-cash flow under process faults', () => {
  let system: WholeSystem;
  let connection: JetStreamConnection;

  beforeAll(async () => {
    system = await startWholeSystem({
      env: {
        crm: FAST_REDELIVERY,
        order: FAST_REDELIVERY,
        'erp-adapter': FAST_REDELIVERY,
        'contract-adapter': FAST_REDELIVERY,
        // Every type, sales-order.created too (the adapter acknowledges and ignores it): its delivery,
        // listed by the admin API that no injected latency slows, shows a sales order the moment it is placed.
        'erp-simulator': { WEBHOOK_EVENT_TYPES: 'sales-order.created,sales-order.updated' },
      },
    });
    connection = await JetStreamConnection.wrap(system.nats.nc, {
      namespace: system.nats.namespace,
      logger: quietLogger,
    });
  }, 120_000);

  afterAll(async () => {
    await system?.close();
  });

  afterEach(async () => {
    // No message of any service gave up retrying on the way.
    expect(await listDeadLetters(connection)).toEqual([]);
    await Promise.all([
      clearFaults(system.services['erp-simulator']),
      clearFaults(system.services['clm-simulator']),
    ]);
  });

  it('creates every customer and order exactly once when the adapters and the CRM are SIGKILLed mid-flow and restarted', async () => {
    const {
      crm,
      order,
      'erp-adapter': erpAdapter,
      'contract-adapter': contractAdapter,
      'erp-simulator': erp,
      'clm-simulator': clm,
    } = system.services;
    // Every call to the ERP and the CLM waits this long before it is handled, so a crash lands while calls are in flight.
    const latencyMs = 1_500;
    await Promise.all([injectFaults(erp, { latencyMs }), injectFaults(clm, { latencyMs })]);

    // Given three customers won, and five orders placed as soon as the order service knows them won.
    const customerIds = await Promise.all(
      ['Kestrel AG', 'Heron GmbH', 'Osprey SE'].map((name) => winCustomer(crm, name)),
    );
    const placing = Promise.all(
      [0, 0, 1, 1, 2].map(async (i) => ({
        customerId: customerIds[i],
        orderId: await placeOrderOnceWon(order, customerIds[i]),
      })),
    );

    // When both adapters crash while creating the customers: while the ERP and the CLM each hold
    // one of their calls (waiting out the latency), so the kills land mid-call at any pace.
    await Promise.all([holdsACall(erp, '/api/v1/customers'), holdsACall(clm, '/api/v1/customers')]);
    const firstCrash = await crashAndRestart(erpAdapter, contractAdapter);
    const placed = await placing;
    const orderIds = placed.map(({ orderId }) => orderId);
    // …and the ERP adapter crashes again, with the CRM, while the ERP holds one of its sales-order calls.
    await holdsACall(erp, '/api/v1/sales-orders');
    const secondCrash = await crashAndRestart(erpAdapter, crm);
    await Promise.all([clearFaults(erp), clearFaults(clm)]);

    // Then each customer is once in the ERP and the CLM, each order once in the ERP, accepted in the order service and the CRM…
    await expectEachExactlyOnce(
      system,
      customerIds.map((customerId) => ({
        customerId,
        orders: placed
          .filter((p) => p.customerId === customerId)
          .map(({ orderId }) => ({ orderId, status: 'accepted' })),
      })),
    );
    // …though the crashes came mid-call: the ERP and the CLM handled calls of the killed processes after they died.
    // A call that arrived just before the kill is handled after the latency plus its own handling time
    // (slower on a loaded machine); the restarted process's first calls come later still: after its
    // start, then the latency again.
    const handledForTheDead = (records: Json[], killedAt: number) =>
      records.filter(
        ({ createdAt }) => Date.parse(createdAt) > killedAt && Date.parse(createdAt) < killedAt + latencyMs + 1_000,
      ).length;
    const [erpCustomers, clmCustomers, salesOrders] = await Promise.all([
      listed(erp, 'customers', customerIds),
      listed(clm, 'customers', customerIds),
      listed(erp, 'sales-orders', orderIds),
    ]);
    expect(handledForTheDead(erpCustomers, firstCrash)).toBeGreaterThan(0);
    expect(handledForTheDead(clmCustomers, firstCrash)).toBeGreaterThan(0);
    expect(handledForTheDead(salesOrders, secondCrash)).toBeGreaterThan(0);
  }, 150_000);

  it('applies each ERP order change once, whether its webhook comes twice, under another id, or overtaken by a later one', async () => {
    const { crm, order, 'erp-adapter': erpAdapter, 'erp-simulator': erp } = system.services;
    const webhooks = `${erpAdapter.base}/webhooks/erp`;
    const secret = system.webhookSecrets.erp;
    // Given a customer with two orders accepted by the ERP.
    const customerId = await winCustomer(crm, 'Plover Ltd');
    const first = await placeOrderOnceWon(order, customerId);
    const second = await placeOrderOnceWon(order, customerId);
    const numberOf = async (orderId: string): Promise<string> =>
      (await orderWhen(order, orderId, (o) => o.status === 'accepted', 'accepted')).erpOrderNumber;
    const [firstNumber, secondNumber] = await Promise.all([numberOf(first), numberOf(second)]);
    /** The adapter's record of the ERP changes applied to `orderId` once it lists exactly `expected` (a change applied twice never does). */
    const changesAppliedAre = (orderId: string, expected: { status: string; erpVersion: number }[]) =>
      waitFor(
        async () => {
          const { body } = await getJson(`${erpAdapter.api}/sync/orders/${orderId}`);
          const applied = body.changes.map((c: Json) => ({ status: c.status, erpVersion: c.erpVersion }));
          return JSON.stringify(applied) === JSON.stringify(expected) ? true : undefined;
        },
        {
          what: `the ERP changes applied to ${orderId} to be ${JSON.stringify(expected)}`,
          timeoutMs: 10_000,
          intervalMs: 100,
        },
      );
    /** The ERP's delivery of `orderId`'s change to `status`, once it reached the adapter. */
    const deliveredChange = (orderId: string, status: string): Promise<RecordedDelivery> =>
      waitFor(
        async () => {
          const [delivery] = await recordedDeliveries(
            erp,
            (p) => p.data?.externalRef === orderId && p.data.status === status,
          );
          return delivery?.status === 'delivered' ? delivery : undefined;
        },
        { what: `the ERP's ${status} webhook of ${orderId} delivered`, timeoutMs: 30_000, intervalMs: 100 },
      );

    // When (a) the ERP ships the first order; its webhook delivered again under the same id is answered as the first time and applied once.
    await postExpecting(`${erp.api}/admin/sales-orders/${firstNumber}/advance`, { status: 'shipped' }, 200);
    await orderWhen(order, first, (o) => o.status === 'shipped', 'shipped');
    const shipped = await deliveredChange(first, 'shipped');
    const replay = await deliverWebhook(webhooks, secret, shipped.webhookId, shipped.payload, 'async');
    expect(replay).toMatchObject({ status: 202, body: { webhookId: shipped.webhookId, source: 'erp' } });

    // (b) The same change under another webhook-id is recognised by its ERP version: nothing applied, and a replay answers the same.
    const sameChange = await deliverWebhook(webhooks, secret, `${shipped.webhookId}-resent`, shipped.payload);
    expect(sameChange).toMatchObject({
      status: 200,
      body: { status: 'processed', result: { orderId: first, erpVersion: 2, applied: false } },
    });
    expect(
      (await deliverWebhook(webhooks, secret, `${shipped.webhookId}-resent`, shipped.payload)).body,
    ).toEqual(sameChange.body);
    await changesAppliedAre(first, [{ status: 'shipped', erpVersion: 2 }]);

    // Invoiced in the ERP; the shipment's webhook arriving late again (both ids) changes nothing.
    await postExpecting(`${erp.api}/admin/sales-orders/${firstNumber}/advance`, { status: 'invoiced' }, 200);
    await orderWhen(order, first, (o) => o.status === 'invoiced', 'invoiced');
    await deliverWebhook(webhooks, secret, shipped.webhookId, shipped.payload, 'async');
    expect(
      (await deliverWebhook(webhooks, secret, `${shipped.webhookId}-late`, shipped.payload)).body.result,
    ).toMatchObject({ applied: false });

    // (c) For the second order the ERP's invoice overtakes its shipment: the webhooks as it sends them, invoiced (version 3) first.
    const { body: secondInErp } = await getJson(`${erp.api}/sales-orders/${secondNumber}`);
    const overtaken = (status: string, version: number) => {
      const at = new Date().toISOString();
      const changeId = 1_000_000_000 + Date.now() * 10 + version;
      const data = { changeId, orderNumber: secondNumber, externalRef: second, customerNumber: secondInErp.customerNumber, status, version, changedAt: at };
      return { id: String(changeId), payload: { type: 'sales-order.updated', timestamp: at, data } };
    };
    const invoiced = overtaken('invoiced', 3);
    const lateShipment = overtaken('shipped', 2);
    expect((await deliverWebhook(webhooks, secret, invoiced.id, invoiced.payload)).body.result).toEqual({
      orderId: second,
      erpVersion: 3,
      applied: true,
    });
    expect(
      (await deliverWebhook(webhooks, secret, lateShipment.id, lateShipment.payload)).body.result,
    ).toEqual({ orderId: second, erpVersion: 2, applied: false });
    await orderWhen(order, second, (o) => o.status === 'invoiced', 'invoiced');
    // The ERP catches up: its own webhooks of versions 2 and 3 come after, under their ids, and change nothing.
    await postExpecting(`${erp.api}/admin/sales-orders/${secondNumber}/advance`, { status: 'shipped' }, 200);
    await postExpecting(`${erp.api}/admin/sales-orders/${secondNumber}/advance`, { status: 'invoiced' }, 200);
    await Promise.all([deliveredChange(second, 'shipped'), deliveredChange(second, 'invoiced')]);
    await changesAppliedAre(second, [{ status: 'invoiced', erpVersion: 3 }]);

    // Then: invoiced everywhere, no status twice and none going back.
    const inCrm = await customerViewWhen(
      crm,
      customerId,
      (view) => view.orders.every((o: Json) => o.status === 'invoiced'),
      'both orders invoiced',
    );
    expect(inCrm.orders).toHaveLength(2);
    const historyOf = async (orderId: string): Promise<string[]> =>
      (await getJson(`${order.api}/orders/${orderId}`)).body.statusHistory.map((h: Json) => h.status);
    expect(await historyOf(first)).toEqual(['placed', 'accepted', 'shipped', 'invoiced']);
    expect(await historyOf(second)).toEqual(['placed', 'accepted', 'invoiced']);
    await expectEachExactlyOnce(system, [
      {
        customerId,
        orders: [
          { orderId: first, status: 'invoiced' },
          { orderId: second, status: 'invoiced' },
        ],
      },
    ]);
  }, 120_000);

  it('records a CLM contract once, signed, whether its webhooks come twice, under another id, or the draft after the signature', async () => {
    const { crm, 'contract-adapter': contractAdapter, 'clm-simulator': clm } = system.services;
    const webhooks = `${contractAdapter.base}/webhooks/clm`;
    const secret = system.webhookSecrets.clm;
    const customerId = await winCustomer(crm, 'Avocet BV');
    const { externalIds } = await customerViewWhen(
      crm,
      customerId,
      (view) => view.externalIds.clmCustomerId !== null,
      'its CLM id',
    );
    const contractsInCrm = async (): Promise<Json[]> =>
      (await getJson(`${crm.api}/customers/${customerId}/contracts`)).body.items;

    // Given a contract drafted and signed in the CLM, signed in the CRM.
    const contract = await postExpecting(
      `${clm.api}/admin/contracts`,
      {
        clmCustomerId: externalIds.clmCustomerId,
        title: 'Supply agreement',
        conditions: { paymentTerms: 'NET14', discountPercent: 2, validFrom: '2020-01-01' },
      },
      201,
    );
    await postExpecting(`${clm.api}/admin/contracts/${contract.id}/sign`, { signedBy: 'Ada Avocet, CFO' }, 200);
    await waitFor(async () => ((await contractsInCrm())[0]?.signedCopy ? true : undefined), {
      what: 'the signed contract with its copy in the CRM',
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    const [drafted, signed] = await waitFor(
      async () => {
        const deliveries = await recordedDeliveries(clm, (p) => p.data?.id === contract.id);
        return deliveries.length === 2 && deliveries.every((d) => d.status === 'delivered')
          ? deliveries
          : undefined;
      },
      { what: `the CLM's two webhooks of ${contract.id} delivered`, timeoutMs: 30_000, intervalMs: 100 },
    );
    expect([drafted.eventType, signed.eventType]).toEqual(['contract.drafted', 'contract.signed']);

    // When the signature comes again (same id, then another), and the draft after it (another id).
    const replay = await deliverWebhook(webhooks, secret, signed.webhookId, signed.payload, 'async');
    const resigned = await deliverWebhook(webhooks, secret, `${signed.webhookId}.resent`, signed.payload);
    const lateDraft = await deliverWebhook(webhooks, secret, `${drafted.webhookId}.late`, drafted.payload);

    // Then each is answered, and the CRM still shows the one contract, signed, with its copy.
    expect([replay.status, resigned.status, lateDraft.status]).toEqual([202, 200, 200]);
    expect([resigned.body.result.recorded, lateDraft.body.result.recorded]).toEqual(['signed', 'drafted']);
    // Whatever the adapter had recorded again would reach the CRM over JetStream within this.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const contracts = await contractsInCrm();
    expect(contracts).toHaveLength(1);
    expect(contracts[0]).toMatchObject({
      clmContractId: contract.id,
      status: 'signed',
      signedCopy: expect.objectContaining({ documentId: expect.any(String) }),
    });
    await expectEachExactlyOnce(system, [{ customerId, orders: [] }]);
  }, 90_000);
});
