import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isDomainError } from '@switchboard/decider';
import { CorrelationContext } from '@switchboard/observability';
import { UnprocessableWebhook, type ReceivedWebhook, type WebhookHandler } from '@switchboard/webhooks';
import { RecordContractDraftCommand } from '../commands/record-contract-draft/record-contract-draft.command';
import { RecordContractSignatureCommand } from '../commands/record-contract-signature/record-contract-signature.command';
import { parseClmContract, type ClmWebhookPayload } from './clm-contract';

export interface ClmWebhookOutcome {
  readonly contractId: string;
  readonly recorded: 'drafted' | 'signed';
}

/**
 * `POST /webhooks/clm`: the CLM reports a contract drafted or signed. Applied through the
 * Contract aggregate, so a delivery handled again (after a crash before the processed mark)
 * appends nothing; the relay publishes `contract.drafted` / `contract.signed` with origin `clm`
 * (the chain starts at the webhook in the CLM), so no adapter writes the change back to the CLM.
 */
@Injectable()
export class ClmContractWebhookHandler implements WebhookHandler<ClmWebhookPayload, ClmWebhookOutcome> {
  constructor(private readonly commandBus: CommandBus) {}

  handle(webhook: ReceivedWebhook<ClmWebhookPayload>): Promise<ClmWebhookOutcome> {
    return CorrelationContext.run(CorrelationContext.fromExternalChange('clm', webhook.id), () => this.apply(webhook.payload));
  }

  private async apply(payload: ClmWebhookPayload): Promise<ClmWebhookOutcome> {
    const contract = parseClmContract(payload?.data);
    if (typeof contract === 'string') throw new UnprocessableWebhook(contract);
    try {
      switch (payload.type) {
        case 'contract.drafted':
          return { contractId: await this.commandBus.execute(new RecordContractDraftCommand(contract)), recorded: 'drafted' };
        case 'contract.signed':
          return { contractId: await this.commandBus.execute(new RecordContractSignatureCommand(contract)), recorded: 'signed' };
        default:
          throw new UnprocessableWebhook(`unknown CLM webhook type ${JSON.stringify(payload.type)}`);
      }
    } catch (error) {
      // Invalid contract values never become valid by retrying.
      if (isDomainError(error) && error.kind === 'invalid') throw new UnprocessableWebhook(error.message);
      throw error;
    }
  }
}
