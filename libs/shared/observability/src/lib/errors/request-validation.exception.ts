import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem-details';

/** A request body or query that failed validation; answered as 400 with `errors: [{ field, message }]`. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly errors: readonly FieldError[]) {
    super(`The request has ${errors.length} invalid field(s): ${errors.map((e) => e.field).join(', ')}`);
  }

  /** ValidationPipe's exceptionFactory. */
  static fromValidationErrors(errors: readonly ValidationError[]): RequestValidationException {
    return new RequestValidationException(flattenValidationErrors(errors));
  }
}

/** Turns class-validator's error tree into one entry per broken constraint, with paths like `lines[0].quantity`. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
