import { simulatorKitMigrations } from '@switchboard/simulator-kit';
import { CreateErpTables1769100000000 } from './1769100000000-create-erp-tables';
import { AddSalesOrderRequestHash1769300000000 } from './1769300000000-add-sales-order-request-hash';

/** Everything in the ERP simulator's schema, the kit's tables first; run by `nx migrate erp-simulator`. */
export const erpSimulatorMigrations = [...simulatorKitMigrations, CreateErpTables1769100000000, AddSalesOrderRequestHash1769300000000];
