import { Injectable } from '@nestjs/common';

/** Set when the process starts shutting down, so readiness turns 503 before anything closes. */
@Injectable()
export class ShutdownState {
  private since: Date | undefined;

  markShuttingDown(): void {
    this.since ??= new Date();
  }

  get shuttingDown(): boolean {
    return this.since !== undefined;
  }
}
