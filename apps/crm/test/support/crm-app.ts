import { startServiceForTest, type ServiceForTest } from '@switchboard/testing/service';
import { AppModule } from '../../src/app.module';
import { CrmConfig } from '../../src/config';
import { crmMigrations } from '../../src/migrations';

/** The CRM service booted in this process through its real bootstrap, on a throwaway schema and NATS namespace. */
export type CrmApp = ServiceForTest;

export const startCrmApp = (): Promise<CrmApp> =>
  startServiceForTest({ name: 'crm', module: AppModule, configClass: CrmConfig, migrations: crmMigrations });
