import { Command } from '@nestjs/cqrs';
import type { PostalAddress } from '@switchboard/crm-domain';
import type { CommandAcceptedResponse } from '@switchboard/event-sourcing';

export class RegisterProspectCommand extends Command<CommandAcceptedResponse> {
  constructor(
    readonly customerId: string,
    readonly details: Readonly<{ name: string; email: string; country: string; vatId?: string; address?: PostalAddress }>,
  ) {
    super();
  }
}
