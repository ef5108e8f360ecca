import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { MinPositionQuery } from './min-position.query';

class GetOrderQuery extends MinPositionQuery {}

async function errorsOf(query: Record<string, unknown>) {
  const errors = await validate(plainToInstance(GetOrderQuery, query), { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((e) => ({ field: e.property, messages: Object.values(e.constraints ?? {}) }));
}

describe('MinPositionQuery', () => {
  it('accepts a query without minPosition', async () => {
    expect(await errorsOf({})).toEqual([]);
  });

  it('accepts a position as a command returned it', async () => {
    expect(await errorsOf({ minPosition: '7341.12' })).toEqual([]);
  });

  it('rejects anything else, naming the field', async () => {
    expect(await errorsOf({ minPosition: 'latest' })).toEqual([
      { field: 'minPosition', messages: ['minPosition must be a position "<commit>.<prepare>", e.g. "7341.12"'] },
    ]);
  });
});
