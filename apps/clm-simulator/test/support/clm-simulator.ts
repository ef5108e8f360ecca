import { startSimulatorForTest, type SimulatorForTest } from '@switchboard/simulator-kit/testing';
import { postJson } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../src/app.module';
import { ClmSimulatorConfig } from '../../src/config';
import { clmSimulatorMigrations } from '../../src/migrations';

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** The CLM simulator booted in this process through its real bootstrap, on a throwaway schema. */
export const startClmSimulator = (env: Record<string, string> = {}): Promise<SimulatorForTest> =>
  startSimulatorForTest({
    name: 'clm-simulator',
    module: AppModule,
    configClass: ClmSimulatorConfig,
    migrations: clmSimulatorMigrations,
    env: { WEBHOOK_URLS: '', WEBHOOK_SECRET: '', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '400', WEBHOOK_POLL_MS: '50', ...env },
  });

export async function createClmCustomer(clm: SimulatorForTest, externalRef: string = randomUUID()): Promise<string> {
  const response = await postJson(`${clm.api}/customers`, { name: 'ACME GmbH', email: 'legal@acme.example', externalRef });
  expect(response.status).toBe(201);
  return response.body.clmCustomerId;
}

export const conditions = { paymentTerms: 'NET30', discountPercent: 5, validFrom: '2026-01-01', validTo: '2026-12-31' };

export async function draftContract(clm: SimulatorForTest, clmCustomerId: string): Promise<string> {
  const response = await postJson(`${clm.api}/admin/contracts`, { clmCustomerId, title: 'Framework agreement 2026', conditions });
  expect(response.status).toBe(201);
  return response.body.id;
}
