import type { ArgumentMetadata } from '@nestjs/common';
import { RequestValidationException } from '../errors/request-validation.exception';
import { createValidationPipe } from '../errors/validation.pipe';
import { ResourceIdParam } from './resource-id.param';

const param: ArgumentMetadata = { type: 'param', metatype: ResourceIdParam };

describe('ResourceIdParam', () => {
  const pipe = createValidationPipe();

  it.each([
    ['a UUID', '3f6c1a52-9a0b-4d2e-8f1c-7b5e4d3c2a10'],
    ['an adapter id', 'ERP-5001'],
    ['one character', 'a'],
    ['100 characters', 'x'.repeat(100)],
    ['every allowed sign', 'clm:42.7_~'],
  ])('accepts %s', async (_what, id) => {
    await expect(pipe.transform({ id }, param)).resolves.toEqual({ id });
  });

  it.each([
    ['a NUL byte', 'abc\u0000'],
    ['an empty id', ''],
    ['101 characters', 'x'.repeat(101)],
    ['a slash', 'a/b'],
    ['a space', 'a b'],
    ['a leading dash', '-abc'],
  ])('refuses %s as a 400 naming id', async (_what, id) => {
    const refusal = pipe.transform({ id }, param);

    await expect(refusal).rejects.toBeInstanceOf(RequestValidationException);
    await expect(refusal).rejects.toMatchObject({ errors: [{ field: 'id' }] });
  });
});
