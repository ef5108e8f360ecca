import { Controller, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '../signature/webhook-headers';
import { WebhookPending, WebhookReceiver, type WebhookHttpRequest } from './webhook-receiver';

/** The parts of an Express response the controller uses. */
interface WebhookHttpResponse {
  status(code: number): WebhookHttpResponse;
  json(body: unknown): void;
  setHeader(name: string, value: string): void;
}

/** `POST /webhooks/<source>` (outside the API prefix) for every registered touchpoint. */
@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly receiver: WebhookReceiver) {}

  @Post(':source')
  @ApiOperation({ summary: 'Receives a Standard Webhooks delivery (JSON, optionally gzip or deflate encoded)' })
  @ApiHeader({ name: WEBHOOK_ID_HEADER, required: true })
  @ApiHeader({ name: WEBHOOK_TIMESTAMP_HEADER, required: true })
  @ApiHeader({ name: WEBHOOK_SIGNATURE_HEADER, required: true, description: 'v1,<base64 HMAC-SHA256>; several separated by spaces' })
  @ApiQuery({ name: 'mode', required: false, enum: ['async', 'sync'], description: 'async: 202 once stored; sync: 200 with the outcome' })
  @ApiResponse({ status: 202, description: 'Stored; applied in the background' })
  @ApiResponse({ status: 200, description: 'Applied (sync); the body carries the outcome' })
  @ApiResponse({ status: 401, description: 'Unsigned, forged or stale: nothing changed' })
  async receive(
    @Param('source') source: string,
    @Query('mode') mode: string | undefined,
    @Req() request: WebhookHttpRequest,
    // Not passthrough: Nest would overwrite the status (202 or 200) with the route's fixed one.
    @Res() response: WebhookHttpResponse,
  ): Promise<void> {
    try {
      const answer = await this.receiver.receive(source, mode, request);
      response.status(answer.status).json(answer.body);
    } catch (error) {
      if (error instanceof WebhookPending) response.setHeader('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }
}

