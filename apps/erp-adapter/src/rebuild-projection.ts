import { runRebuildProjection } from '@switchboard/projections';
import { ErpAdapterConfig } from './config';
import { ENTITIES, PROJECTIONS } from './read-models';

/** `npx nx run erp-adapter:rebuild-projection --name=<projection>`: empties it and resets its checkpoint; the running service replays it. */
void runRebuildProjection({
  service: 'erp-adapter',
  configClass: ErpAdapterConfig,
  entities: ENTITIES,
  projections: PROJECTIONS,
});
