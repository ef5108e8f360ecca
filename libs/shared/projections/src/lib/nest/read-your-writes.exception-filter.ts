import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { formatPosition } from '@switchboard/event-sourcing';
import { ProjectionBehindError } from '../projection-behind.error';
import { InvalidMinPositionError } from './invalid-min-position.error';

/** Seconds a client should wait before asking again; projections usually catch up in milliseconds. */
const RETRY_AFTER_SECONDS = '1';

/** RFC 9457 problem+json answers for @ReadYourWrites: 503 + Retry-After when behind, 400 for a bad minPosition. */
@Injectable()
@Catch(ProjectionBehindError, InvalidMinPositionError)
export class ReadYourWritesExceptionFilter implements ExceptionFilter<ProjectionBehindError | InvalidMinPositionError> {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: ProjectionBehindError | InvalidMinPositionError, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse<unknown>();
    const instance: string = httpAdapter.getRequestUrl(host.switchToHttp().getRequest());
    const problem =
      error instanceof ProjectionBehindError
        ? {
            type: 'urn:switchboard:problem:projection-behind',
            title: 'Projection behind',
            status: 503,
            detail: error.message,
            instance,
            projection: error.projection,
            reached: error.reached && formatPosition(error.reached),
            minPosition: formatPosition(error.wanted),
          }
        : {
            type: 'urn:switchboard:problem:validation',
            title: 'Bad Request',
            status: 400,
            detail: error.message,
            instance,
            errors: [{ field: error.field, message: error.message }],
          };
    if (problem.status === 503) httpAdapter.setHeader(response, 'Retry-After', RETRY_AFTER_SECONDS);
    httpAdapter.setHeader(response, 'Content-Type', 'application/problem+json');
    // A string body: the adapter would reset the Content-Type of an object body to application/json.
    httpAdapter.reply(response, JSON.stringify(problem), problem.status);
  }
}
