import { createTestSchema, freePort, ServiceProcess, TEST_DATABASE_URL } from '@switchboard/testing';
import { startServiceForTest, type ServiceForTest } from '@switchboard/testing/service';
import { generateWebhookSecret } from '@switchboard/webhooks';
import { AppModule } from '../../src/app.module';
import { ContractAdapterConfig } from '../../src/config';
import { contractAdapterMigrations } from '../../src/migrations';
import { CrmStub } from './crm-stub';

/** The public base URL the adapter puts into download links (the test downloads through `app.base`). */
export const PUBLIC_BASE_URL = 'http://contract-adapter.test';

/**
 * The contract adapter in this process, the real CLM simulator (apps/clm-simulator) as its own process on a throwaway
 * schema beside it (webhooks to the adapter), and a CRM query API stub.
 */
export interface ContractAdapterWorld {
  readonly app: ServiceForTest;
  readonly clm: ServiceProcess;
  readonly crm: CrmStub;
  /** The secret both sides share for `POST /webhooks/clm`. */
  readonly webhookSecret: string;
  close(): Promise<void>;
}

export async function startContractAdapterWorld(): Promise<ContractAdapterWorld> {
  const webhookSecret = generateWebhookSecret();
  const clmPort = await freePort();
  const crm = await CrmStub.start();
  const app = await startServiceForTest({
    // The schema prefix must be a PostgreSQL identifier; SERVICE_NAME keeps the service's real name.
    name: 'contract_adapter',
    module: AppModule,
    configClass: ContractAdapterConfig,
    migrations: contractAdapterMigrations,
    env: {
      SERVICE_NAME: 'contract-adapter',
      CLM_BASE_URL: `http://127.0.0.1:${clmPort}`,
      CRM_BASE_URL: crm.base,
      CLM_WEBHOOK_SECRETS: webhookSecret,
      PUBLIC_BASE_URL,
      // Short callout budgets: a CLM outage soon becomes a JetStream redelivery with backoff.
      CALLOUT_TIMEOUT_MS: '2000',
      CALLOUT_MAX_ELAPSED_MS: '1500',
    },
  });
  const clmSchema = await createTestSchema('clm_simulator');
  let clm: ServiceProcess;
  try {
    clm = await ServiceProcess.start({
      service: 'clm-simulator',
      // Not this process's environment: the adapter under test set NATS and schema variables there.
      inheritEnv: false,
      env: {
        SERVICE_NAME: 'clm-simulator',
        LOG_LEVEL: process.env['CLM_SIMULATOR_TEST_LOG_LEVEL'] ?? 'warn',
        DATABASE_URL: TEST_DATABASE_URL,
        DB_SCHEMA: clmSchema.schema,
        PORT: String(clmPort),
        WEBHOOK_URLS: `${app.base}/webhooks/clm`,
        WEBHOOK_SECRET: webhookSecret,
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_RETRY_MAX_MS: '1000',
      },
    });
  } catch (error) {
    await clmSchema.drop();
    await app.close();
    await crm.close();
    throw error;
  }
  return {
    app,
    clm,
    crm,
    webhookSecret,
    async close() {
      await clm.stop();
      await clmSchema.drop();
      await app.close();
      await crm.close();
    },
  };
}
