import { Command } from '@nestjs/cqrs';
import type { CommandAcceptedResponse } from '../command-accepted.response';

export class CancelOrderCommand extends Command<CommandAcceptedResponse> {
  constructor(
    readonly orderId: string,
    readonly reason: string,
  ) {
    super();
  }
}
