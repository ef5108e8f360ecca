import { SimulatorConfig } from '@switchboard/simulator-kit';

/** The CLM simulator's environment: SimulatorConfig (DATABASE_URL, DB_SCHEMA = clm_simulator, WEBHOOK_URLS, WEBHOOK_SECRET…) and its port. */
export class ClmSimulatorConfig extends SimulatorConfig {
  override PORT = 3102;
}
