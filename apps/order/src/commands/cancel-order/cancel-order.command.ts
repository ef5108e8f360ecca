import { Command } from '@nestjs/cqrs';
import type { CommandAcceptedResponse } from '@switchboard/event-sourcing';

export class CancelOrderCommand extends Command<CommandAcceptedResponse> {
  constructor(
    readonly orderId: string,
    readonly reason: string,
  ) {
    super();
  }
}
