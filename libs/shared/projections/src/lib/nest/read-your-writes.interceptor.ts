import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { parsePosition } from '@switchboard/event-sourcing';
import type { Observable } from 'rxjs';
import { InvalidMinPositionError } from './invalid-min-position.error';
import { ProjectionsService } from './projections.service';
import { READ_YOUR_WRITES, type ReadYourWritesConfig } from './read-your-writes.metadata';

/** The wait behind @ReadYourWrites: see there. */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly projections: ProjectionsService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const config = this.reflector.get<ReadYourWritesConfig | undefined>(READ_YOUR_WRITES, context.getHandler());
    const request = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>();
    const raw = request.query?.['minPosition'];
    if (!config || raw === undefined || raw === '') return next.handle();
    const wanted = toPosition(raw);
    await this.projections.waitForPosition(config.projections, wanted, { timeoutMs: config.timeoutMs });
    return next.handle();
  }
}

function toPosition(raw: unknown) {
  if (typeof raw !== 'string') throw new InvalidMinPositionError(raw);
  try {
    return parsePosition(raw);
  } catch {
    throw new InvalidMinPositionError(raw);
  }
}
