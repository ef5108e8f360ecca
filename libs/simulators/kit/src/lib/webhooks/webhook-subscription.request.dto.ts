import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsOptional, IsUrl, Matches } from 'class-validator';
import { WEBHOOK_EVENT_TYPE_FORMAT, WEBHOOK_SECRET_FORMAT } from '../config/simulator.config';

/** `POST /webhook-subscriptions`: a receiver for every webhook (or those of `eventTypes`) from now on. */
export class CreateWebhookSubscriptionRequest {
  @ApiProperty({ example: 'http://localhost:3003/api/v1/webhooks/erp' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'url must be an http(s) URL' })
  url!: string;

  @ApiProperty({
    description: 'Standard Webhooks secret that signs the deliveries',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  @Matches(WEBHOOK_SECRET_FORMAT, { message: 'secret must be a Standard Webhooks secret "whsec_<base64>"' })
  secret!: string;

  @ApiPropertyOptional({ description: 'The webhook types to receive; every type when absent', example: ['sales-order.updated'], type: [String] })
  @IsOptional()
  @IsArray({ message: 'eventTypes must be an array of webhook types' })
  @ArrayNotEmpty({ message: 'eventTypes must name at least one webhook type (leave it out for every type)' })
  @ArrayMaxSize(50, { message: 'eventTypes must name at most 50 webhook types' })
  @Matches(WEBHOOK_EVENT_TYPE_FORMAT, { each: true, message: 'eventTypes must hold webhook types: letters, digits, ".", "_", "-"' })
  eventTypes?: string[];
}

export class WebhookSubscriptionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String], nullable: true, description: 'null: every type' }) eventTypes!: string[] | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
