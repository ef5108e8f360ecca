import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { clmCustomerSyncDecider, clmCustomerSyncStream } from '@switchboard/contract-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { CalloutError } from '@switchboard/webhooks';
import { ClmApiClient } from '../../callouts/clm-api.client';
import { CrmApiClient } from '../../callouts/crm-api.client';
import { CreateClmCustomerCommand } from './create-clm-customer.command';

/**
 * Request (recorded first, with its Idempotency-Key) → the customer's details from the CRM → CLM
 * `POST /customers` under that key → the CLM id recorded (the relay publishes
 * `contract.customer.created`). Safe at every step: a redelivery after the creation appends and
 * calls nothing; one after a crash mid-way calls again under the same key, and the CLM answers the
 * same customer. A callout that keeps failing throws, so JetStream retries it with backoff; a
 * refusal by the CLM (4xx) is recorded instead, as no retry changes it.
 */
@CommandHandler(CreateClmCustomerCommand)
export class CreateClmCustomerHandler implements ICommandHandler<CreateClmCustomerCommand, void> {
  private readonly logger = new Logger(CreateClmCustomerHandler.name);

  constructor(
    private readonly executor: CommandExecutor,
    private readonly crm: CrmApiClient,
    private readonly clm: ClmApiClient,
  ) {}

  async execute({ customerId, causingEventId }: CreateClmCustomerCommand): Promise<void> {
    const stream = clmCustomerSyncStream(customerId);
    const { newState } = await this.executor.execute(
      stream,
      clmCustomerSyncDecider,
      { type: 'RequestClmCustomer', data: { customerId, idempotencyKey: causingEventId, requestedAt: new Date() } },
      { actor: 'crm' },
    );
    if (newState.status !== 'requested') return; // created already: nothing to send
    const customer = await this.crm.customer(customerId);
    try {
      // The key of the recorded request, not this delivery's: the first won event's id, on every try.
      const { clmCustomerId } = await this.clm.createCustomer(
        { name: customer.name, email: customer.email, externalRef: customerId },
        newState.request.idempotencyKey,
      );
      await this.executor.execute(
        stream,
        clmCustomerSyncDecider,
        { type: 'RecordClmCustomerCreated', data: { customerId, clmCustomerId, name: customer.name, email: customer.email, createdAt: new Date() } },
        { actor: 'clm' },
      );
    } catch (error) {
      if (!(error instanceof CalloutError) || error.retryable || error.status === undefined) throw error;
      this.logger.warn(`the CLM refused customer ${customerId} with ${error.status}: recorded, not retried`);
      await this.executor.execute(
        stream,
        clmCustomerSyncDecider,
        { type: 'RecordClmCustomerRefused', data: { customerId, status: error.status, reason: refusalReason(error), refusedAt: new Date() } },
        { actor: 'clm' },
      );
    }
  }
}

function refusalReason(error: CalloutError): string {
  const body = error.body as { detail?: unknown; title?: unknown } | string | undefined;
  if (typeof body === 'string' && body.trim() !== '') return body.slice(0, 2000);
  if (body && typeof body === 'object') {
    const text = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : undefined;
    if (text) return text.slice(0, 2000);
  }
  return error.message.slice(0, 2000);
}
