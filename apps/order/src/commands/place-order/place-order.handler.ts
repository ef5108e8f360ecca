import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { CommandExecutor, type CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { OrderAlreadyPlaced, orderDecider, orderStream } from '@switchboard/order-domain';
import type { Repository } from 'typeorm';
import { CustomerStanding } from '../../projections/customer-standing/customer-standing.entity';
import { PlaceOrderCommand } from './place-order.command';

@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, CommandAcceptedResponse> {
  constructor(
    private readonly executor: CommandExecutor,
    @InjectRepository(CustomerStanding) private readonly customers: Repository<CustomerStanding>,
  ) {}

  async execute(command: PlaceOrderCommand): Promise<CommandAcceptedResponse> {
    const { orderId, customerId, currency, lines } = command;
    // The decider owns the rule (only won customers order); the app supplies what it knows of the customer.
    const customer = await this.customers.findOneBy({ customerId });
    try {
      const { position } = await this.executor.execute(orderStream(orderId), orderDecider, {
        type: 'PlaceOrder',
        data: {
          orderId,
          customerId,
          customerStanding: customer?.standing ?? 'unknown',
          currency,
          lines,
          placedAt: new Date(),
        },
      });
      return { id: orderId, position };
    } catch (error) {
      // A retry after a crash between the append and the stored answer: the order is already there.
      if (command.idFromIdempotencyKey && error instanceof OrderAlreadyPlaced) {
        return { id: orderId, position: await this.executor.streamPosition(orderStream(orderId)) };
      }
      throw error;
    }
  }
}
