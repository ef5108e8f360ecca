import { ApiProperty } from '@nestjs/swagger';
import { IsUrl, Matches } from 'class-validator';
import { WEBHOOK_SECRET_FORMAT } from '../config/simulator.config';

/** `POST /webhook-subscriptions`: a receiver for every webhook from now on. */
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
}

export class WebhookSubscriptionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
