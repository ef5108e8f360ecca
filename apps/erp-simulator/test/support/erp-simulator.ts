import { startSimulatorForTest, type SimulatorForTest } from '@switchboard/simulator-kit/testing';
import { postJson, type JsonResponse } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../src/app.module';
import { ErpSimulatorConfig } from '../../src/config';
import { erpSimulatorMigrations } from '../../src/migrations';

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** The ERP simulator booted in this process through its real bootstrap, on a throwaway schema. */
export const startErpSimulator = (env: Record<string, string> = {}): Promise<SimulatorForTest> =>
  startSimulatorForTest({
    name: 'erp-simulator',
    module: AppModule,
    configClass: ErpSimulatorConfig,
    migrations: erpSimulatorMigrations,
    // Fast retries, so retry tests take milliseconds; no configured receiver unless a test sets one.
    env: { WEBHOOK_URLS: '', WEBHOOK_SECRET: '', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '400', WEBHOOK_POLL_MS: '50', ...env },
  });

/** A customer as the ERP adapter would create it. */
export async function createCustomer(erp: SimulatorForTest, headers: Record<string, string> = {}): Promise<string> {
  const response = await postJson(`${erp.api}/customers`, { name: 'ACME GmbH', email: 'buyer@acme.example', country: 'DE', externalRef: randomUUID() }, headers);
  expect(response.status).toBe(201);
  return response.body.customerNumber;
}

export const placeOrder = (erp: SimulatorForTest, customerNumber: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<JsonResponse> =>
  postJson(`${erp.api}/sales-orders`, { externalRef: randomUUID(), customerNumber, currency: 'EUR', lines: [{ sku: 'SKU-1', quantity: 2 }], ...body }, headers);

export async function acceptedOrder(erp: SimulatorForTest, customerNumber: string): Promise<string> {
  const response = await placeOrder(erp, customerNumber);
  expect(response.status).toBe(201);
  return response.body.orderNumber;
}
