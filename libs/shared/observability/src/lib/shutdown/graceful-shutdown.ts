import { Injectable, Logger, type INestApplication, type OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'node:http';
import { ShutdownState } from './shutdown-state';

export interface GracefulShutdownOptions {
  /** Hard limit for the whole shutdown; past it the process exits with code 1. */
  readonly timeoutMs: number;
  /** How long to keep serving with readiness at 503 before the listener closes. */
  readonly drainMs: number;
  /** Runs after Nest has closed (e.g. flush traces). */
  readonly afterClose?: () => Promise<unknown>;
  readonly signals?: readonly NodeJS.Signals[];
}

function closeListener(server: Server): Promise<void> {
  // A connection answering a request in flight now closes right after its answer, not after the
  // (long) keep-alive timeout, which would hold the shutdown up.
  server.keepAliveTimeout = 1;
  // Stops accepting connections, closes idle keep-alive ones, resolves when in-flight requests are done.
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * SIGTERM/SIGINT handling for a service: readiness 503 → (drain) → stop accepting HTTP →
 * app.close() runs Nest's lifecycle hooks, where consumers stop pulling, finish in-flight work
 * and checkpoint → exit 0; exit 1 when it takes longer than the timeout. Used instead of
 * Nest's enableShutdownHooks(), which has no deadline and no readiness phase and, by default,
 * re-raises the signal (so the process never exits with 0).
 */
@Injectable()
export class GracefulShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private detach: (() => void) | undefined;

  constructor(private readonly state: ShutdownState) {}

  attach(app: INestApplication, options: GracefulShutdownOptions): void {
    const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.state.shuttingDown) {
        this.logger.warn(`received ${signal} again; shutdown already in progress`);
        return;
      }
      void this.shutdown(app, signal, options);
    };
    for (const signal of signals) process.on(signal, onSignal);
    this.detach = () => signals.forEach((signal) => process.off(signal, onSignal));
  }

  /** A plain app.close() (tests, scripts) must not leave signal handlers behind. */
  onApplicationShutdown(): void {
    this.detach?.();
  }

  private async shutdown(app: INestApplication, signal: NodeJS.Signals, options: GracefulShutdownOptions): Promise<void> {
    const deadline = setTimeout(() => {
      this.logger.error(`shutdown did not finish within ${options.timeoutMs} ms; exiting with code 1`);
      process.exit(1);
    }, options.timeoutMs);
    try {
      this.state.markShuttingDown();
      this.logger.log(`received ${signal}: shutting down, readiness now reports 503`);
      if (options.drainMs > 0) {
        this.logger.log(`draining for ${options.drainMs} ms before closing the HTTP listener`);
        await new Promise((resolve) => setTimeout(resolve, options.drainMs));
      }
      this.logger.log('closing the HTTP listener: no new connections, waiting for in-flight requests');
      await closeListener(app.getHttpServer());
      this.logger.log('HTTP listener closed; stopping consumers and running shutdown hooks');
      // close(signal) is untyped but supported: beforeApplicationShutdown/onApplicationShutdown receive it.
      await (app as INestApplication & { close(signal?: string): Promise<void> }).close(signal);
      await options.afterClose?.();
      clearTimeout(deadline);
      this.logger.log('shutdown complete; exiting with code 0');
      process.exit(0);
    } catch (error) {
      this.logger.error({ err: error }, 'shutdown failed; exiting with code 1');
      process.exit(1);
    }
  }
}
