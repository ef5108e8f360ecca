import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream } from '@switchboard/crm-domain';
import { CommandExecutor, type CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { RegisterProspectCommand } from './register-prospect.command';

/**
 * A retry under the same Idempotency-Key (same id, same details) appends nothing: the decider
 * answers a registration that already holds with no events, so a crash between the append and the
 * stored answer is safe.
 */
@CommandHandler(RegisterProspectCommand)
export class RegisterProspectHandler implements ICommandHandler<RegisterProspectCommand, CommandAcceptedResponse> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ customerId, details }: RegisterProspectCommand): Promise<CommandAcceptedResponse> {
    const { position } = await this.executor.execute(customerStream(customerId), customerDecider, {
      type: 'RegisterProspect',
      data: { customerId, ...details, registeredAt: new Date() },
    });
    return { id: customerId, position };
  }
}
