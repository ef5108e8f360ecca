import { startServiceForTest, type ServiceForTest } from '@switchboard/testing/service';
import { generateWebhookSecret } from '@switchboard/webhooks';
import { AppModule } from '../../src/app.module';
import { ErpAdapterConfig } from '../../src/config';
import { erpAdapterMigrations } from '../../src/migrations';
import { CrmStandIn } from './crm-stand-in';
import { SimulatorProcess } from './simulator.process';

export interface ErpAdapterScenario {
  readonly adapter: ServiceForTest;
  readonly erp: SimulatorProcess;
  readonly clm: SimulatorProcess;
  readonly crm: CrmStandIn;
  /** The secret the ERP signs its webhooks with. */
  readonly secret: string;
  close(): Promise<void>;
}

/**
 * The ERP adapter booted in this process on a throwaway schema and NATS namespace, talking to
 * real ERP and CLM simulator processes and a CRM stand-in. `webhooks`: the ERP simulator is
 * subscribed to the adapter's `/webhooks/erp`; `polling`: the adapter polls its changes feed.
 */
export async function startErpAdapterScenario(options: { webhooks: boolean; polling: boolean }): Promise<ErpAdapterScenario> {
  const secret = generateWebhookSecret();
  const [erp, clm, crm] = await Promise.all([SimulatorProcess.start('erp-simulator'), SimulatorProcess.start('clm-simulator'), CrmStandIn.start()]);
  const stopOthers = () => Promise.all([crm.close(), erp.stop(), clm.stop()]);
  const adapter = await startServiceForTest({
    name: 'erp-adapter',
    module: AppModule,
    configClass: ErpAdapterConfig,
    migrations: erpAdapterMigrations,
    env: {
      ERP_BASE_URL: erp.api,
      CRM_BASE_URL: crm.api,
      CLM_BASE_URL: clm.api,
      ERP_WEBHOOK_SECRETS: secret,
      ERP_POLLING: String(options.polling),
      ERP_POLL_INTERVAL_MS: '200',
      // A small budget per delivery: a longer outage is left to JetStream's backoff, as in production.
      CALLOUT_MAX_ATTEMPTS: '3',
      CALLOUT_MAX_ELAPSED_MS: '2000',
      CALLOUT_TIMEOUT_MS: '2000',
    },
  }).catch(async (error: unknown) => {
    await stopOthers();
    throw error;
  });
  if (options.webhooks) await erp.subscribe(`${adapter.base}/webhooks/erp`, secret);
  return {
    adapter,
    erp,
    clm,
    crm,
    secret,
    async close() {
      await adapter.close();
      await stopOthers();
    },
  };
}
