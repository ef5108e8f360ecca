import { runRebuildProjection } from '@switchboard/projections';
import { OrderConfig } from './config';
import { ENTITIES, PROJECTIONS } from './read-models';

/** `npx nx run order:rebuild-projection --name=<projection>`: empties it and resets its checkpoint; the running service replays it. */
void runRebuildProjection({
  service: 'order',
  configClass: OrderConfig,
  entities: ENTITIES,
  projections: PROJECTIONS,
});
