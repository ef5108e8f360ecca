import { simulatorKitMigrations } from '@switchboard/simulator-kit';
import { CreateClmTables1769100000000 } from './1769100000000-create-clm-tables';

/** Everything in the CLM simulator's schema, the kit's tables first; run by `nx migrate clm-simulator`. */
export const clmSimulatorMigrations = [...simulatorKitMigrations, CreateClmTables1769100000000];
