import type { ProjectedEvent, Projection } from '@switchboard/projections';
import { StoredDocument } from './documents/stored-document.entity';
import { ContractView } from './projections/contract-view/contract-view.entity';
import { contractViewProjection } from './projections/contract-view/contract-view.projection';

/** The tables of the contract-adapter read models (the TypeORM entities of its DataSource). */
export const ENTITIES = [ContractView, StoredDocument];

/** The projections fed from the contract-adapter event store: run by the service, rebuilt by `rebuild-projection` (documents are stored content-addressed, not projected). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different row and event types
export const PROJECTIONS: readonly Projection<any, ProjectedEvent>[] = [contractViewProjection];
