import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult, type HealthIndicatorFunction } from '@nestjs/terminus';
import type { ServerResponse } from 'node:http';
import { ShutdownState } from '../shutdown/shutdown-state';
import { ReadinessChecks, type ReadinessCheck } from './readiness-check';

/** A hung dependency must not hang the probe. */
const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Kubernetes probes, outside the API prefix: /health/live (the process runs) and /health/ready (it can serve). */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly checks: ReadinessChecks,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  live(@Res() res: ServerResponse): Promise<void> {
    return this.run([], res);
  }

  @Get('ready')
  ready(@Res() res: ServerResponse): Promise<void> {
    const lifecycle: HealthIndicatorFunction = async () => {
      const indicator = this.indicators.check('lifecycle');
      return this.shutdown.shuttingDown ? indicator.down({ message: 'shutting down' }) : indicator.up();
    };
    return this.run([lifecycle, ...this.checks.entries().map(([key, check]) => this.indicator(key, check))], res);
  }

  private indicator(key: string, check: ReadinessCheck): HealthIndicatorFunction {
    return async () => {
      const indicator = this.indicators.check(key);
      try {
        const { status, ...details } = await withTimeout(check(), CHECK_TIMEOUT_MS);
        return status === 'up' ? indicator.up(details) : indicator.down(details);
      } catch (error) {
        return indicator.down({ message: error instanceof Error ? error.message : String(error) });
      }
    };
  }

  // Terminus signals "down" with a 503 exception; the probe body stays terminus' report, not problem+json.
  private async run(indicators: HealthIndicatorFunction[], res: ServerResponse): Promise<void> {
    let status: number = HttpStatus.OK;
    let body: HealthCheckResult;
    try {
      body = await this.health.check(indicators);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      status = HttpStatus.SERVICE_UNAVAILABLE;
      body = error.getResponse() as HealthCheckResult;
    }
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify(body));
  }
}
