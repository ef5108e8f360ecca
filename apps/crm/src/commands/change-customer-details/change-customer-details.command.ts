import { Command } from '@nestjs/cqrs';
import type { ChangeCustomerDetails } from '@switchboard/crm-domain';
import type { CommandAcceptedResponse } from '@switchboard/event-sourcing';

/** The changes as the decider takes them: absent = unchanged, null = removed. */
export type CustomerDetailsPatch = Omit<ChangeCustomerDetails['data'], 'customerId' | 'changedAt'>;

export class ChangeCustomerDetailsCommand extends Command<CommandAcceptedResponse> {
  constructor(
    readonly customerId: string,
    readonly patch: CustomerDetailsPatch,
  ) {
    super();
  }
}
