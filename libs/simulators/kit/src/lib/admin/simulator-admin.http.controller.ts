import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { FaultSettingsRequest, FaultSettingsResponse } from '../faults/fault-settings.request.dto';
import { FaultState } from '../faults/fault-state';
import { SIMULATOR_KIT_OPTIONS, type SimulatorKitOptions } from '../simulator-kit.options';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity';
import { HeldRequestResponse } from './held-request.response.dto';
import { ListWebhookDeliveriesQuery, WebhookDeliveryResponse } from './webhook-delivery.response.dto';

// Our own constant table names, never input: safe to interpolate.
const KIT_TABLES = ['webhook_deliveries', 'webhook_subscriptions', 'idempotency_keys'];

/** What every simulator's admin API has: fault injection, the webhook outbox's state, and a reset for tests. */
@ApiTags('admin')
@Controller('admin')
export class SimulatorAdminHttpController {
  constructor(
    private readonly faults: FaultState,
    private readonly dataSource: DataSource,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @Inject(SIMULATOR_KIT_OPTIONS) private readonly options: SimulatorKitOptions,
  ) {}

  @Put('faults')
  @ApiOperation({ summary: 'Inject faults into the non-admin API (replaces the ones in force)' })
  @ApiOkResponse({ type: FaultSettingsResponse })
  setFaults(@Body() request: FaultSettingsRequest): FaultSettingsResponse {
    this.faults.set({ ...request });
    return this.showFaults();
  }

  @Get('faults')
  @ApiOkResponse({ type: FaultSettingsResponse })
  showFaults(): FaultSettingsResponse {
    const { downUntil, ...rest } = this.faults.current();
    return { ...rest, ...(downUntil ? { downUntil: downUntil.toISOString() } : {}) };
  }

  @Delete('faults')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every fault cleared' })
  clearFaults(): void {
    this.faults.clear();
  }

  @Get('held-requests')
  @ApiOperation({ summary: 'The requests the injected latency holds right now (a call in flight), oldest first' })
  @ApiOkResponse({ type: [HeldRequestResponse] })
  heldRequests(): HeldRequestResponse[] {
    return this.faults.heldRequests().map(({ method, path, heldSince }) => ({ method, path, heldSince: heldSince.toISOString() }));
  }

  @Get('webhook-deliveries')
  @ApiOperation({ summary: 'The webhook outbox, newest first: pending, delivered and failed deliveries with their attempts' })
  @ApiOkResponse({ type: [WebhookDeliveryResponse] })
  async listDeliveries(@Query() query: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryResponse[]> {
    const rows = await this.deliveries.find({ where: query.status ? { status: query.status } : {}, order: { id: 'DESC' }, take: query.limit ?? 100 });
    return rows.map(WebhookDeliveryResponse.of);
  }

  @Post('reset')
  @HttpCode(204)
  @ApiOperation({ summary: 'Empty every table and clear the faults (ids keep counting up, so none is ever reused)' })
  @ApiNoContentResponse()
  async reset(): Promise<void> {
    const tables = [...this.options.resetTables, ...KIT_TABLES].join(', ');
    await this.dataSource.query(`TRUNCATE ${tables}`);
    this.faults.clear();
  }
}
