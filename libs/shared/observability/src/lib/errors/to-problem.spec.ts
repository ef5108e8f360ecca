import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@switchboard/decider';
import { RequestValidationException } from './request-validation.exception';
import { toProblem } from './to-problem';

class OrderError extends DomainError {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    details: Record<string, unknown> = {},
  ) {
    super(`order refused: ${code}`, details);
  }
}

describe('toProblem', () => {
  it('answers request validation with 400 and the fields that are wrong', () => {
    const { problem, unexpected } = toProblem(
      new RequestValidationException([{ field: 'lines[0].quantity', message: 'quantity must be a positive number' }]),
      '/api/v1/orders',
      'corr-1',
    );

    expect(unexpected).toBe(false);
    expect(problem).toMatchObject({
      type: 'urn:switchboard:problem:validation',
      status: 400,
      instance: '/api/v1/orders',
      correlationId: 'corr-1',
      errors: [{ field: 'lines[0].quantity', message: 'quantity must be a positive number' }],
    });
  });

  it.each([
    ['conflict', 409, 'Conflict'],
    ['invalid', 422, 'Unprocessable Entity'],
    ['not_found', 404, 'Not Found'],
    ['forbidden', 403, 'Forbidden'],
  ] as const)('answers a %s domain error with %i and its code', (kind, status, title) => {
    const { problem } = toProblem(new OrderError(kind, 'order.already-placed', { orderId: 'o-1' }), '/api/v1/orders/o-1', undefined);

    expect(problem).toEqual({
      type: 'urn:switchboard:problem:order.already-placed',
      title,
      status,
      detail: 'order refused: order.already-placed',
      instance: '/api/v1/orders/o-1',
      code: 'order.already-placed',
      details: { orderId: 'o-1' },
    });
  });

  it("keeps an HttpException's status and message", () => {
    expect(toProblem(new NotFoundException('no order o-9'), '/x', undefined).problem).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'no order o-9',
      instance: '/x',
    });
  });

  it('reports a malformed JSON body (mapped by Nest to a BadRequestException) as 400', () => {
    const { problem } = toProblem(new BadRequestException('Unexpected token } in JSON at position 9'), '/x', undefined);

    expect(problem).toMatchObject({ status: 400, title: 'Bad Request', detail: 'Unexpected token } in JSON at position 9' });
  });

  it("keeps the status of the body parser's client errors (413 too large, 415 unknown encoding)", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true });
    const internal = Object.assign(new Error('pool exhausted'), { status: 503, expose: false });

    expect(toProblem(tooLarge, '/x').problem).toMatchObject({ status: 413, title: 'Payload Too Large', detail: 'request entity too large' });
    expect(toProblem(internal, '/x')).toMatchObject({ unexpected: true, problem: { status: 500 } });
  });

  it('answers an unknown error with 500 and nothing of its internals', () => {
    const { problem, unexpected } = toProblem(new Error('connection to db-7.internal refused'), '/x', 'corr-9');

    expect(unexpected).toBe(true);
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Internal Server Error', status: 500, correlationId: 'corr-9' });
    expect(JSON.stringify(problem)).not.toContain('db-7.internal');
  });

  it('hides the message of a 5xx HttpException and flags it as unexpected', () => {
    const { problem, unexpected } = toProblem(new ServiceUnavailableException('pool exhausted at pg.ts:12'), '/x', undefined);

    expect(unexpected).toBe(true);
    expect(problem.detail).toBeUndefined();
  });
});
