import { ValidationPipe } from '@nestjs/common';
import { RequestValidationException } from './request-validation.exception';

/** The global pipe of every service (STYLE.md): unknown fields are refused, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => RequestValidationException.fromValidationErrors(errors),
  });
}
