import { createHash } from 'node:crypto';
import { DemoFailure } from './demo-failure';
import { DEMO_SERVICE_NAMES, DEMO_SERVICES, type DemoOrigins, type DemoService } from './demo-origins';
import { pollUntil, type PollOptions } from './poll-until';
import type {
  Accepted,
  ClmContract,
  ContractRecord,
  CustomerOrder,
  CustomerView,
  ErpConditions,
  ErpSalesOrder,
  OrderView,
} from './public-api.types';
import { ServiceApi } from './service-api';
import { Timeline, type StepReporter, type TimelineEntry } from './timeline';

/** The ids the scenario created or learnt, one per system. */
export interface DemoIds {
  readonly customerId: string;
  readonly erpCustomerNumber: string;
  readonly clmCustomerId: string;
  /** The contract's id in the CLM (the CRM records it as `clmContractId`). */
  readonly contractId: string;
  /** Of the signed copy: the CLM's document, the copy the contract adapter stored, and the CRM's record agree. */
  readonly sha256: string;
  readonly orderId: string;
  readonly erpOrderNumber: string;
}

export interface DemoResult {
  readonly ids: DemoIds;
  readonly timeline: readonly TimelineEntry[];
  readonly totalMs: number;
}

export interface DemoOptions extends Partial<PollOptions> {
  /** Told of each entry as soon as it is seen. */
  readonly report?: StepReporter;
}

const CONDITIONS = { paymentTerms: 'NET30', discountPercent: 5, validFrom: '2020-01-01' };
const ORDER_LINES = [{ sku: 'SKU-A', quantity: 2 }];
/** The order service refuses orders this way until it has heard (over JetStream) that the CRM won the customer. */
const NOT_YET_KNOWN = ['order.customer-unknown', 'order.customer-not-won'];
const FINAL_REFUSALS = ['rejected', 'cancelled'];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The lead-to-cash flow of ARCHITECTURE.md through the public APIs only: a customer won in the CRM,
 * a contract drafted and signed in the CLM, an order placed and taken by the ERP to invoiced, each
 * step followed until the CRM, the order service and the ERP show it.
 */
export async function runLeadToCashDemo(
  origins: DemoOrigins,
  options: DemoOptions = {},
): Promise<DemoResult> {
  const poll: PollOptions = { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: options.intervalMs ?? 50 };
  const timeline = new Timeline(options.report ?? (() => undefined), poll);
  const apis = Object.fromEntries(
    DEMO_SERVICE_NAMES.map((name) => [name, new ServiceApi(DEMO_SERVICES[name].label, origins[name])]),
  ) as Record<DemoService, ServiceApi>;
  const {
    crm,
    order,
    'erp-simulator': erp,
    'clm-simulator': clm,
    'contract-adapter': contractAdapter,
  } = apis;

  // A service that does not answer ends the demo at once; one still starting (503) is waited for.
  let notReady: string[] = [];
  const health = await timeline.act('check health', async () => undefined);
  await health
    .see('all six services answer /health/ready', async () => {
      const ready = await Promise.all(DEMO_SERVICE_NAMES.map((name) => apis[name].ready()));
      notReady = DEMO_SERVICE_NAMES.filter((_, i) => !ready[i]).map(
        (name) => `${apis[name].label} at ${origins[name]}`,
      );
      return notReady.length === 0 ? true : undefined;
    })
    .catch((error: unknown) => {
      throw notReady.length > 0
        ? new DemoFailure(
            `${error instanceof Error ? error.message : String(error)}; still not ready: ${notReady.join(', ')}`,
          )
        : error;
    });

  // Customer: registered and won in the CRM; the adapters create it in the ERP and the CLM.
  const customerView = (customerId: string) => crm.find<CustomerView>(`/customers/${customerId}`);
  const registered = await timeline.act('register a prospect (CRM)', () =>
    crm.post<Accepted>(
      '/customers',
      { name: 'ACME GmbH', email: 'buyer@acme.example', country: 'DE', vatId: 'DE123456789' },
      201,
    ),
  );
  const customerId = registered.answer.id;
  await registered.see(
    'the CRM 360 view shows the prospect',
    async () => ((await customerView(customerId))?.status === 'prospect' ? true : undefined),
    () => ({ customer: customerId }),
  );
  const won = await timeline.act('win the customer (CRM)', () =>
    crm.post<Accepted>(`/customers/${customerId}/win`, {}, 200),
  );
  const [erpCustomerNumber, clmCustomerId] = await Promise.all([
    won.see(
      'the CRM shows the ERP customer number',
      async () => (await customerView(customerId))?.externalIds.erpCustomerNumber ?? undefined,
      (number) => ({ 'ERP customer': number }),
    ),
    won.see(
      'the CRM shows the CLM customer id',
      async () => (await customerView(customerId))?.externalIds.clmCustomerId ?? undefined,
      (id) => ({ 'CLM customer': id }),
    ),
  ]);

  // Contract: drafted and signed in the CLM; the CRM follows by webhook, the ERP gets the conditions.
  const drafted = await timeline.act('draft a contract (CLM)', () =>
    clm.post<ClmContract>(
      '/admin/contracts',
      { clmCustomerId, title: 'Framework agreement', conditions: CONDITIONS },
      201,
    ),
  );
  const contractId = drafted.answer.id;
  const contractInCrm = async (done: (contract: ContractRecord) => boolean) => {
    const contracts =
      (await crm.find<{ items: ContractRecord[] }>(`/customers/${customerId}/contracts`))?.items ?? [];
    return contracts.find((contract) => contract.clmContractId === contractId && done(contract));
  };
  await drafted.see(
    'the CRM shows the contract drafted',
    () => contractInCrm((contract) => contract.status === 'drafted'),
    () => ({ contract: contractId }),
  );
  const signing = await timeline.act('sign the contract (CLM)', () =>
    clm.post<ClmContract>(`/admin/contracts/${contractId}/sign`, { signedBy: 'Jane Doe, CEO' }, 200),
  );
  const [signed] = await Promise.all([
    signing.see(
      "the CRM shows it signed, copy's sha256 = CLM's",
      async () => {
        const contract = await contractInCrm((c) => c.status === 'signed' && c.signedCopy !== null);
        if (!contract?.signedCopy) return undefined;
        const original = sha256(await clm.download(`${clm.api}/contracts/${contractId}/document`));
        const copy = sha256(await contractAdapter.download(contract.signedCopy.url));
        if (contract.signedCopy.sha256 !== original || copy !== original) {
          throw new DemoFailure(
            `the signed copy differs: the CLM's document has sha256 ${original}, the CRM records ${contract.signedCopy.sha256}, ${contractAdapter.label} serves ${copy}`,
          );
        }
        return contract.signedCopy;
      },
      (copy) => ({ sha256: copy.sha256 }),
    ),
    signing.see(
      "the ERP has the contract's conditions",
      async () => {
        const conditions = await erp.find<ErpConditions>(`/customers/${erpCustomerNumber}/conditions`);
        if (!conditions || conditions.contractId !== contractId) return undefined;
        if (
          conditions.paymentTerms !== CONDITIONS.paymentTerms ||
          conditions.discountPercent !== CONDITIONS.discountPercent
        ) {
          throw new DemoFailure(
            `the ERP's conditions of ${erpCustomerNumber} differ from the contract's: ${JSON.stringify(conditions)}`,
          );
        }
        return conditions;
      },
      (conditions) => ({ terms: `${conditions.paymentTerms} ${conditions.discountPercent}%` }),
    ),
  ]);

  // Order: placed in the order service, accepted by the ERP, then shipped and invoiced there.
  const placed = await timeline.act('place an order (order)', () => placeOrder(order, customerId, poll));
  const orderId = placed.answer;
  const orderInService = (status: string) => async () => {
    const found = await order.find<OrderView>(`/orders/${orderId}`);
    if (found && FINAL_REFUSALS.includes(found.status) && found.status !== status) {
      throw new DemoFailure(`${order.label} shows order ${orderId} ${found.status}, expected ${status}`);
    }
    return found?.status === status && found.erpOrderNumber ? found.erpOrderNumber : undefined;
  };
  const orderInCrm = (status: string) => async () => {
    const found: CustomerOrder | undefined = (await customerView(customerId))?.orders.find(
      (o) => o.id === orderId,
    );
    return found?.status === status && found.erpOrderNumber ? found.erpOrderNumber : undefined;
  };
  const [inErp, numberInService, numberInCrm] = await Promise.all([
    placed.see(
      'the ERP has the sales order, accepted',
      async () => {
        const [found] = (await erp.find<ErpSalesOrder[]>(`/sales-orders?externalRef=${orderId}`)) ?? [];
        return found?.status === 'accepted' ? found : undefined;
      },
      (found) => ({ 'ERP order': found.orderNumber }),
    ),
    placed.see('the order service shows it accepted', orderInService('accepted'), () => ({ order: orderId })),
    placed.see('the CRM 360 view shows it accepted', orderInCrm('accepted')),
  ]);
  const erpOrderNumber = inErp.orderNumber;
  if (
    inErp.customerNumber !== erpCustomerNumber ||
    numberInService !== erpOrderNumber ||
    numberInCrm !== erpOrderNumber
  ) {
    throw new DemoFailure(
      `the systems disagree on order ${orderId}: the ERP has ${erpOrderNumber} for customer ${inErp.customerNumber} (expected ${erpCustomerNumber}), the order service shows ${numberInService}, the CRM ${numberInCrm}`,
    );
  }
  for (const [step, status] of [
    ['ship it (ERP)', 'shipped'],
    ['invoice it (ERP)', 'invoiced'],
  ] as const) {
    const advanced = await timeline.act(step, () =>
      erp.post(`/admin/sales-orders/${erpOrderNumber}/advance`, { status }, 200),
    );
    await Promise.all([
      advanced.see(`the order service shows it ${status}`, orderInService(status)),
      advanced.see(`the CRM 360 view shows it ${status}`, orderInCrm(status)),
    ]);
  }

  return {
    ids: {
      customerId,
      erpCustomerNumber,
      clmCustomerId,
      contractId,
      sha256: signed.sha256,
      orderId,
      erpOrderNumber,
    },
    timeline: timeline.entries,
    totalMs: timeline.elapsedMs,
  };
}

/** POST /orders, retried while the order service has not yet heard that the customer was won. */
function placeOrder(order: ServiceApi, customerId: string, poll: PollOptions): Promise<string> {
  return pollUntil(
    async () => {
      const res = await order.tryPost('/orders', { customerId, currency: 'EUR', lines: ORDER_LINES });
      const body = res.body as { id?: string; code?: string } | null;
      if (res.status === 201 && body?.id) return body.id;
      if (res.status === 422 && NOT_YET_KNOWN.includes(body?.code ?? '')) return undefined;
      throw new DemoFailure(
        `${order.label} answered ${res.status} to POST ${order.api}/orders: ${JSON.stringify(res.body)}`,
      );
    },
    `${order.label} accepts orders from customer ${customerId}`,
    poll,
  );
}
