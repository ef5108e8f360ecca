import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { WebhookDelivery, WebhookDeliveryStatus } from '../webhooks/webhook-delivery.entity';

const STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** `GET /admin/webhook-deliveries?status=&limit=` */
export class ListWebhookDeliveriesQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: WebhookDeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** One outbox row as an operator sees it (never the secret). */
export class WebhookDeliveryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The webhook-id header, the same on every attempt' }) webhookId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ description: 'The JSON body sent', type: Object }) payload!: unknown;

  static of(row: WebhookDelivery): WebhookDeliveryResponse {
    return {
      id: row.id,
      webhookId: row.webhookId,
      eventType: row.eventType,
      url: row.url,
      status: row.status,
      attempts: row.attempts,
      lastStatus: row.lastStatus,
      lastError: row.lastError,
      nextAttemptAt: row.nextAttemptAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
      payload: JSON.parse(row.body),
    };
  }
}
