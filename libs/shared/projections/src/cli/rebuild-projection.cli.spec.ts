import type { DataSource } from 'typeorm';
import type { Projection } from '../lib/projection';
import { rebuildProjectionCli } from './rebuild-projection.cli';

// Only the argument checks: they answer before touching the database (the rebuild itself is in test/).
const dataSource = {} as DataSource;
const projections = [{ name: 'order-summary' }, { name: 'won-customers' }] as Projection<object>[];

describe('rebuildProjectionCli', () => {
  const out = { log: jest.fn(), error: jest.fn() };

  beforeEach(() => jest.clearAllMocks());

  it('asks for a name and lists the projections when none is given', async () => {
    expect(await rebuildProjectionCli([], { dataSource, projections, out })).toBe(2);
    expect(out.error).toHaveBeenCalledWith(
      'usage: rebuild-projection --name=<projection> (one of: order-summary, won-customers)',
    );
  });

  it('refuses an unknown projection and lists the known ones', async () => {
    expect(await rebuildProjectionCli(['--name=orders'], { dataSource, projections, out })).toBe(2);
    expect(out.error).toHaveBeenCalledWith(
      'unknown projection orders; this service has: order-summary, won-customers',
    );
  });

  it('refuses an unknown option', async () => {
    expect(await rebuildProjectionCli(['--all'], { dataSource, projections, out })).toBe(2);
    expect(out.error).toHaveBeenCalledWith(expect.stringContaining("Unknown option '--all'"));
  });
});
