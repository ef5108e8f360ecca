import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ObservabilityModule } from '@switchboard/observability';
import { readModelDataSourceOptions } from '@switchboard/projections';
import { IsObject, IsString } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { SimulatorConfig, SimulatorKitModule, simulatorKitEntities, simulatorKitMigrations, WebhookOutbox } from '../../src';
import { startSimulatorForTest, type SimulatorForTest } from '../../src/testing';

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

class ProbeEventRequest {
  @IsString() type!: string;
  @IsObject() data!: Record<string, unknown>;
}

/** The smallest simulator: one route that publishes a webhook, one that answers, both subject to faults. */
@Controller('probe')
class ProbeHttpController {
  constructor(private readonly outbox: WebhookOutbox) {}

  @Get()
  ping(): { ok: true } {
    return { ok: true };
  }

  @Post('events')
  async publish(@Body() request: ProbeEventRequest): Promise<{ webhookId: string }> {
    const webhookId = randomUUID();
    await this.outbox.transaction((_manager, publish) => publish({ id: webhookId, type: request.type, data: request.data }));
    return { webhookId };
  }
}

class ProbeConfig extends SimulatorConfig {}

@Module({
  imports: [
    ObservabilityModule.forRoot({ config: ProbeConfig }),
    TypeOrmModule.forRootAsync({
      inject: [ProbeConfig],
      useFactory: (c: ProbeConfig) => readModelDataSourceOptions({ url: c.DATABASE_URL, schema: c.DB_SCHEMA, entities: simulatorKitEntities }),
    }),
    SimulatorKitModule.forRoot({ resetTables: [] }),
  ],
  controllers: [ProbeHttpController],
})
class ProbeModule {}

/** A probe simulator on a throwaway schema; webhook retries are fast (50 ms doubling to 400 ms). */
export const startProbeSimulator = (env: Record<string, string> = {}): Promise<SimulatorForTest> =>
  startSimulatorForTest({
    name: 'probe-simulator',
    module: ProbeModule,
    configClass: ProbeConfig,
    migrations: simulatorKitMigrations,
    env: { WEBHOOK_URLS: '', WEBHOOK_SECRET: '', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '400', WEBHOOK_POLL_MS: '50', WEBHOOK_MAX_ATTEMPTS: '10', ...env },
  });
