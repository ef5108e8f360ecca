import type { ProjectedEvent, Projection } from '@switchboard/projections';
import { CustomerSync } from './projections/customer-sync/customer-sync.entity';
import { customerSyncProjection } from './projections/customer-sync/customer-sync.projection';
import { OrderSync } from './projections/order-sync/order-sync.entity';
import { orderSyncProjection } from './projections/order-sync/order-sync.projection';

/** The tables of the erp-adapter read models (the TypeORM entities of its DataSource). */
export const ENTITIES = [CustomerSync, OrderSync];

/** The projections fed from the erp-adapter event store: run by the service, rebuilt by `rebuild-projection`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different row and event types
export const PROJECTIONS: readonly Projection<any, ProjectedEvent>[] = [
  customerSyncProjection,
  orderSyncProjection,
];
