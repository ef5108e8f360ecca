import { simulatorKitMigrations } from '@switchboard/simulator-kit';
import { CreateErpTables1769100000000 } from './1769100000000-create-erp-tables';

/** Everything in the ERP simulator's schema, the kit's tables first; run by `nx migrate erp-simulator`. */
export const erpSimulatorMigrations = [...simulatorKitMigrations, CreateErpTables1769100000000];
