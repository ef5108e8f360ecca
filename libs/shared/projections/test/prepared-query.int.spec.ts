import { preparedQuery } from '../src';
import { createProjectionTestEnv, type ProjectionTestEnv } from './fixtures/projection-test-env';

describe('preparedQuery (a hot read as a named prepared statement)', () => {
  let env: ProjectionTestEnv;

  beforeAll(async () => {
    env = await createProjectionTestEnv('prep');
  });

  afterAll(async () => {
    await env.close();
  });

  it('prepares the text once per connection under a name of its own, and runs it again with other values', async () => {
    // Lists the named statements of the connection it runs on, itself included once prepared.
    const listing = 'SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE $1';
    const runs = await Promise.all([1, 2, 3, 4].map(() => preparedQuery<{ name: string; statement: string }>(env.dataSource, listing, ['SELECT name, statement FROM pg_prepared_statements%'])));

    for (const rows of runs) expect(rows).toEqual([{ name: expect.stringMatching(/^rm_[0-9a-f]{20}$/), statement: listing }]);
    expect(new Set(runs.map(([row]) => row.name)).size).toBe(1);
  });

  it('reads the rows the query selects, typed by the caller', async () => {
    await env.dataSource.query("INSERT INTO order_summaries (id, customer_id, status, total, line_count) VALUES ('p1', 'c1', 'placed', 5, 1), ('p2', 'c2', 'placed', 7, 2)");

    const rows = await preparedQuery<{ id: string; total: number }>(env.dataSource, 'SELECT id, total FROM order_summaries WHERE customer_id = $1', ['c2']);

    expect(rows).toEqual([{ id: 'p2', total: 7 }]);
  });
});
