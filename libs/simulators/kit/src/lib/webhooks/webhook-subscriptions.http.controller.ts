import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { WebhookSubscription } from './webhook-subscription.entity';
import {
  CreateWebhookSubscriptionRequest,
  WebhookSubscriptionResponse,
} from './webhook-subscription.request.dto';

const toResponse = (s: WebhookSubscription): WebhookSubscriptionResponse => ({
  id: s.id,
  url: s.url,
  eventTypes: s.eventTypes,
  createdAt: s.createdAt.toISOString(),
});

/** Receivers registered at runtime; each gets every webhook (of its eventTypes) published after it subscribed. */
@ApiTags('webhooks')
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsHttpController {
  constructor(
    @InjectRepository(WebhookSubscription) private readonly subscriptions: Repository<WebhookSubscription>,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: WebhookSubscriptionResponse })
  async subscribe(@Body() request: CreateWebhookSubscriptionRequest): Promise<WebhookSubscriptionResponse> {
    const saved = await this.subscriptions.save(
      this.subscriptions.create({ id: randomUUID(), url: request.url, secret: request.secret, eventTypes: request.eventTypes ?? null }),
    );
    return toResponse(saved);
  }

  @Get()
  @ApiOkResponse({ type: [WebhookSubscriptionResponse] })
  async list(): Promise<WebhookSubscriptionResponse[]> {
    return (await this.subscriptions.find({ order: { createdAt: 'ASC' } })).map(toResponse);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Unsubscribed; its pending deliveries are dropped' })
  @ApiNotFoundResponse()
  async unsubscribe(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const { affected } = await this.subscriptions.delete({ id });
    if (!affected) throw new NotFoundException(`no webhook subscription ${id}`);
  }
}
