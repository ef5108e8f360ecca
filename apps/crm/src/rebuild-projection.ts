import { runRebuildProjection } from '@switchboard/projections';
import { CrmConfig } from './config';
import { ENTITIES, PROJECTIONS } from './read-models';

/** `npx nx run crm:rebuild-projection --name=<projection>`: empties it and resets its checkpoint; the running service replays it. */
void runRebuildProjection({
  service: 'crm',
  configClass: CrmConfig,
  entities: ENTITIES,
  projections: PROJECTIONS,
});
