import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, type CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { OrderAlreadyPlaced, orderDecider, orderStream } from '@switchboard/order-domain';
import { preparedQuery } from '@switchboard/projections';
import { DataSource } from 'typeorm';
import type { CustomerStanding } from '../../projections/customer-standing/customer-standing.entity';
import { PlaceOrderCommand } from './place-order.command';

@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, CommandAcceptedResponse> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly dataSource: DataSource,
  ) {}

  async execute(command: PlaceOrderCommand): Promise<CommandAcceptedResponse> {
    const { orderId, customerId, currency, lines } = command;
    // The decider owns the rule (only won customers order); the app supplies what it knows of the customer.
    // A prepared plain query: the hot path of every order, where TypeORM's query building and
    // PostgreSQL's planning cost more than the read.
    const [customer] = await preparedQuery<Pick<CustomerStanding, 'standing'>>(
      this.dataSource,
      'SELECT standing FROM customer_standings WHERE customer_id = $1',
      [customerId],
    );
    try {
      // The order is new (a fresh id, or a retry's, which conflicts and is then read): no read before the append.
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
      }, { stored: [] });
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
