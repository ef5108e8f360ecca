import type { ProjectedEvent, Projection } from '@switchboard/projections';
import { CustomerStanding } from './projections/customer-standing/customer-standing.entity';
import { OrderSummary } from './projections/order-summary/order-summary.entity';
import { orderSummaryProjection } from './projections/order-summary/order-summary.projection';

/** The tables of the order read models (the TypeORM entities of its DataSource). */
export const ENTITIES = [OrderSummary, CustomerStanding];

/** The projections fed from the order event store: run by the service, rebuilt by `rebuild-projection` (customer_standings is fed from JetStream (applyIntegrationEvent), not rebuilt from the event store). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different row and event types
export const PROJECTIONS: readonly Projection<any, ProjectedEvent>[] = [orderSummaryProjection];
