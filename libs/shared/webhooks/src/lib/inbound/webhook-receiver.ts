import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Logger,
  NotAcceptableException,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { getOrCreateCounter, PROBLEM_JSON, RequestValidationException } from '@switchboard/observability';
import type { IncomingHttpHeaders } from 'node:http';
import { WebhookSignatureError } from '../signature/webhook-verifier';
import type { InboundWebhook, WebhookInbox } from './webhook-inbox';
import type { WebhookProcessor } from './webhook-processor';
import type { WebhookMode, WebhookTouchpoints } from './webhook-touchpoint';

/** The parts of an Express request the receiver reads (Nest's default HTTP platform). */
export interface WebhookHttpRequest {
  readonly headers: IncomingHttpHeaders;
  /** Set by the JSON body parser when the app is created with `rawBody: true` (bootstrapService does). */
  readonly rawBody?: Buffer;
  readonly body?: unknown;
  accepts(types: string[]): string | false;
  is(types: string[]): string | false | null;
}

/** The answer: status, JSON body and headers to set. */
export interface WebhookAnswer {
  readonly status: number;
  readonly body: unknown;
}

const received = () =>
  getOrCreateCounter({ name: 'webhooks_received_total', help: 'Inbound webhook requests by source and outcome', labelNames: ['source', 'outcome'] });

/** 503 for a sync delivery whose handler failed: it stays queued; a retry is answered from its row. */
export class WebhookPending extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('the webhook is stored but could not be applied yet; it is retried in the background', HttpStatus.SERVICE_UNAVAILABLE);
  }
}

/**
 * `POST /webhooks/<source>` from request to answer: content negotiation (406), JSON only (415),
 * size (413), Standard Webhooks signature (401), then the delivery is stored once per
 * (source, webhook-id) and answered by mode: async 202 once stored, sync 200 with the outcome;
 * a type the touchpoint ignores is answered 200 `ignored` without being stored.
 * A replay gets the answer the first delivery got and applies nothing again.
 */
export class WebhookReceiver {
  private readonly logger = new Logger('WebhookReceiver');

  constructor(
    private readonly touchpoints: WebhookTouchpoints,
    private readonly inbox: WebhookInbox,
    private readonly processor: WebhookProcessor,
  ) {}

  async receive(source: string, requestedMode: string | undefined, request: WebhookHttpRequest): Promise<WebhookAnswer> {
    const touchpoint = this.touchpoints.get(source);
    if (!touchpoint) throw new NotFoundException(`no webhook touchpoint ${source}`);
    if (!request.accepts(['application/json', PROBLEM_JSON])) {
      throw new NotAcceptableException(`answers are application/json or ${PROBLEM_JSON}`);
    }
    const mode = parseMode(requestedMode, touchpoint.defaultMode);
    if (!request.is(['application/json'])) throw new UnsupportedMediaTypeException('webhook bodies must be application/json');
    const raw = request.rawBody;
    if (raw === undefined) {
      if (request.body !== undefined && Object.keys(request.body as object).length > 0) {
        throw new Error('the request body was parsed without keeping its bytes: create the app with rawBody: true (bootstrapService does)');
      }
      throw new BadRequestException('a JSON body is required');
    }
    if (raw.length > touchpoint.maxBodyBytes) throw new PayloadTooLargeException(`webhook bodies are limited to ${touchpoint.maxBodyBytes} bytes`);

    let delivery;
    try {
      delivery = touchpoint.verifier.verify(raw, request.headers as Record<string, string | string[] | undefined>);
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      received().inc({ source, outcome: 'unauthorized' });
      this.logger.warn(`webhook ${source} refused: ${error.reason}`);
      throw new UnauthorizedException(error.message);
    }

    if (touchpoint.ignoredTypes.has(payloadType(request.body))) {
      received().inc({ source, outcome: 'ignored' });
      return { status: HttpStatus.OK, body: { webhookId: delivery.id, source, status: 'ignored' } };
    }

    const stored = await this.inbox.store({ source, id: delivery.id, sentAt: delivery.sentAt, payload: request.body }, mode, this.processor.syncLeaseMs);
    received().inc({ source, outcome: stored ? 'stored' : 'replayed' });
    if (stored && mode === 'async') {
      this.processor.wake();
      return accepted(source, delivery.id);
    }
    // A sync delivery's row is stored claimed by its request: applied here and now.
    if (stored) return answerFor(await this.processor.applyClaimed(stored));
    const first = await this.inbox.find(source, delivery.id);
    if (!first) throw new Error('webhook vanished after it was stored');
    if (first.responseStatus === HttpStatus.ACCEPTED) return accepted(source, delivery.id);
    // The replay of a sync delivery: waits for the try holding the row, so a replay racing the
    // first request gets the first request's answer.
    return answerFor(await this.processor.awaitOutcome(first));
  }
}

/** The Standard Webhooks payload's `type` (`{ type, timestamp, data }`), or '' without one. */
function payloadType(body: unknown): string {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : '';
}

function parseMode(value: string | undefined, fallback: WebhookMode): WebhookMode {
  if (value === undefined || value === '') return fallback;
  if (value === 'async' || value === 'sync') return value;
  throw new RequestValidationException([{ field: 'mode', message: 'mode must be async or sync' }]);
}

const accepted = (source: string, webhookId: string): WebhookAnswer => ({ status: HttpStatus.ACCEPTED, body: { webhookId, source, status: 'accepted' } });

/** The answer a processed, dead or still pending delivery gets, the same every time it is asked. */
function answerFor(webhook: InboundWebhook | undefined): WebhookAnswer {
  if (!webhook) throw new Error('webhook vanished while it was processed');
  if (webhook.status === 'processed') {
    return { status: HttpStatus.OK, body: { webhookId: webhook.webhookId, source: webhook.source, status: 'processed', result: webhook.result } };
  }
  if (webhook.status === 'dead') {
    const reason = (webhook.result as { reason?: string } | null)?.reason;
    throw new HttpException(reason ? `the webhook cannot be applied: ${reason}` : 'the webhook could not be applied', HttpStatus.UNPROCESSABLE_ENTITY);
  }
  throw new WebhookPending(Math.max(1, Math.ceil((webhook.nextAttemptAt.getTime() - Date.now()) / 1000)));
}
