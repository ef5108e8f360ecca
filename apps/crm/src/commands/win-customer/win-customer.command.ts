import { Command } from '@nestjs/cqrs';
import type { CommandAcceptedResponse } from '../command-accepted.response';

export class WinCustomerCommand extends Command<CommandAcceptedResponse> {
  constructor(readonly customerId: string) {
    super();
  }
}
