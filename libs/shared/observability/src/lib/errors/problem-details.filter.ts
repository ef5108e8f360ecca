import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { throwError, type Observable } from 'rxjs';
import { CorrelationContext } from '../correlation/correlation-context';
import { PROBLEM_JSON } from './problem-details';
import { toProblem } from './to-problem';

/** The global exception filter: every HTTP error leaves as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // Messaging handlers have their own error path (nak/dead-letter): hand them the original
    // error, not Nest's generic RPC "Internal server error", so dead letters keep their cause.
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const req = http.getRequest<IncomingMessage & { originalUrl?: string }>();
    const res = http.getResponse<ServerResponse>();
    const path = req.originalUrl ?? req.url ?? '';
    const { problem, unexpected } = toProblem(exception, path, CorrelationContext.current()?.correlationId);

    if (unexpected) {
      this.logger.error(
        { err: exception instanceof Error ? exception : new Error(String(exception)), status: problem.status },
        `${req.method} ${path} failed`,
      );
    }
    if (res.headersSent) return;
    res.statusCode = problem.status;
    res.setHeader('content-type', `${PROBLEM_JSON}; charset=utf-8`);
    res.end(JSON.stringify(problem));
  }
}
