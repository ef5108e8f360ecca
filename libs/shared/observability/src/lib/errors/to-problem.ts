import { HttpException, HttpStatus } from '@nestjs/common';
import { isDomainError, type DomainErrorKind } from '@switchboard/decider';
import { STATUS_CODES } from 'node:http';
import { problemType, type ProblemDetails } from './problem-details';
import { RequestValidationException } from './request-validation.exception';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
};

/** How an error is answered, and whether it is our fault (5xx: logged with its stack). */
export interface ProblemResponse {
  readonly problem: ProblemDetails;
  readonly unexpected: boolean;
}

function title(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function httpDetail(exception: HttpException): string | undefined {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** An `http-errors` client error (what Express's body parser raises): its message is meant for the client. */
function isClientHttpError(exception: unknown): exception is Error & { status: number } {
  const { status, expose } = (exception ?? {}) as { status?: unknown; expose?: unknown };
  return exception instanceof Error && expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Maps anything a handler throws to RFC 9457 problem details: request validation → 400 with the
 * fields, a domain error → 409/422/404/403 with its code, an HttpException → its status, anything
 * else → 500 without internals.
 */
export function toProblem(exception: unknown, instance: string, correlationId?: string): ProblemResponse {
  const base = { instance, ...(correlationId ? { correlationId } : {}) };

  if (exception instanceof RequestValidationException) {
    return {
      unexpected: false,
      problem: { type: problemType('validation'), title: 'The request is invalid', status: 400, detail: exception.message, ...base, errors: exception.errors },
    };
  }
  if (isDomainError(exception)) {
    const status = STATUS_OF_KIND[exception.kind];
    return {
      unexpected: false,
      problem: {
        type: problemType(exception.code),
        title: title(status),
        status,
        detail: exception.message,
        ...base,
        code: exception.code,
        ...(Object.keys(exception.details).length > 0 ? { details: exception.details } : {}),
      },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      unexpected: status >= 500,
      problem: { type: 'about:blank', title: title(status), status, detail: status >= 500 ? undefined : httpDetail(exception), ...base },
    };
  }
  if (isClientHttpError(exception)) {
    // Raised by the body parser before any handler runs: 413 too large, 415 unknown encoding, 400 corrupt gzip.
    const status = exception.status;
    return { unexpected: false, problem: { type: 'about:blank', title: title(status), status, detail: exception.message, ...base } };
  }
  return {
    unexpected: true,
    problem: { type: 'about:blank', title: title(500), status: 500, detail: 'An unexpected error occurred; quote the correlation id when reporting it.', ...base },
  };
}
