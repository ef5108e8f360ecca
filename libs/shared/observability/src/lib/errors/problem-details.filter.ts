import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CorrelationContext } from '../correlation/correlation-context';
import { PROBLEM_JSON } from './problem-details';
import { toProblem } from './to-problem';

/** The global HTTP exception filter: every error leaves as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    // Messaging handlers have their own error path (nak/dead-letter); only HTTP is answered here.
    if (host.getType() !== 'http') throw exception;
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
