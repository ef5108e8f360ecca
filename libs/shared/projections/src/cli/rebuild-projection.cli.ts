import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import type { ProjectedEvent, Projection } from '../lib/projection';
import { rebuildProjection } from '../lib/rebuild-projection';

export interface RebuildProjectionCliOptions {
  /** An initialised DataSource of the service (its search_path set to the service schema). */
  dataSource: DataSource;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a service's projections have different row and event types
  projections: readonly Projection<any, ProjectedEvent>[];
  out?: Pick<Console, 'log' | 'error'>;
}

/**
 * The body of a service's `rebuild-projection` target: `--name=<projection>` (repeatable).
 * Returns the process exit code. A service's script initialises its DataSource, calls this with
 * its projections and exits with the result, e.g. in apps/order/src/rebuild-projection.ts:
 *
 *   const dataSource = await new DataSource(orderDataSourceOptions).initialize();
 *   process.exitCode = await rebuildProjectionCli(process.argv.slice(2), { dataSource, projections });
 *   await dataSource.destroy();
 */
export async function rebuildProjectionCli(
  argv: readonly string[],
  { dataSource, projections, out = console }: RebuildProjectionCliOptions,
): Promise<number> {
  const available = projections.map((p) => p.name).join(', ');
  let names: string[];
  try {
    names =
      parseArgs({ args: [...argv], options: { name: { type: 'string', multiple: true } } }).values.name ?? [];
  } catch (error) {
    out.error(
      `${(error as Error).message}\nusage: rebuild-projection --name=<projection> (one of: ${available})`,
    );
    return 2;
  }
  if (names.length === 0) {
    out.error(`usage: rebuild-projection --name=<projection> (one of: ${available})`);
    return 2;
  }
  const unknown = names.filter((name) => !projections.some((p) => p.name === name));
  if (unknown.length > 0) {
    out.error(`unknown projection ${unknown.join(', ')}; this service has: ${available}`);
    return 2;
  }
  for (const projection of projections.filter((p) => names.includes(p.name))) {
    await rebuildProjection(dataSource, projection);
    out.log(
      `${projection.name}: read model emptied and checkpoint reset; the running service replays it (watch its lag)`,
    );
  }
  return 0;
}
