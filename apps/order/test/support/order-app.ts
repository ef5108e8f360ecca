import { startServiceForTest, type ServiceForTest } from '@switchboard/testing/service';
import { AppModule } from '../../src/app.module';
import { OrderConfig } from '../../src/config';
import { orderMigrations } from '../../src/migrations';

/** The order service booted in this process through its real bootstrap, on a throwaway schema and NATS namespace. */
export type OrderApp = ServiceForTest;

export const startOrderApp = (): Promise<OrderApp> =>
  startServiceForTest({ name: 'order', module: AppModule, configClass: OrderConfig, migrations: orderMigrations });
