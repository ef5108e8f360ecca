import type { ProjectedEvent, Projection } from '@switchboard/projections';
import { ContractRecordView } from './projections/contract-record/contract-record-view.entity';
import { contractRecordProjection } from './projections/contract-record/contract-record.projection';
import { customer360Projection } from './projections/customer-360/customer-360.projection';
import { CustomerView } from './projections/customer-360/customer-view.entity';
import { CustomerListItem } from './projections/customer-list/customer-list-item.entity';
import { customerListProjection } from './projections/customer-list/customer-list.projection';
import { CustomerOrder } from './projections/customer-orders/customer-order.entity';

/** The tables of the crm read models (the TypeORM entities of its DataSource). */
export const ENTITIES = [CustomerView, CustomerListItem, ContractRecordView, CustomerOrder];

/** The projections fed from the crm event store: run by the service, rebuilt by `rebuild-projection` (customer_orders is fed from JetStream (applyIntegrationEvent), not rebuilt from the event store). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different row and event types
export const PROJECTIONS: readonly Projection<any, ProjectedEvent>[] = [
  customer360Projection,
  customerListProjection,
  contractRecordProjection,
];
