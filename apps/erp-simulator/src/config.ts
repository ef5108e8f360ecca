import { SimulatorConfig } from '@switchboard/simulator-kit';

/** The ERP simulator's environment: SimulatorConfig (DATABASE_URL, DB_SCHEMA = erp_simulator, WEBHOOK_URLS, WEBHOOK_SECRET…) and its port. */
export class ErpSimulatorConfig extends SimulatorConfig {
  override PORT = 3101;
}
