import { runRebuildProjection } from '@switchboard/projections';
import { ContractAdapterConfig } from './config';
import { ENTITIES, PROJECTIONS } from './read-models';

/** `npx nx run contract-adapter:rebuild-projection --name=<projection>`: empties it and resets its checkpoint; the running service replays it. */
void runRebuildProjection({
  service: 'contract-adapter',
  configClass: ContractAdapterConfig,
  entities: ENTITIES,
  projections: PROJECTIONS,
});
