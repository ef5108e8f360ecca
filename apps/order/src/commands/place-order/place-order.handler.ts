import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { assertRepeatOf } from '@switchboard/idempotency';
import { OrderAlreadyPlaced, orderDecider, orderStream } from '@switchboard/order-domain';
import { preparedQuery } from '@switchboard/projections';
import { DataSource } from 'typeorm';
import type { CustomerStanding } from '../../projections/customer-standing/customer-standing.entity';
import { PlaceOrderCommand, type PlaceOrderIdempotency, type PlaceOrderResult } from './place-order.command';

/** Metadata of OrderPlaced: the hash of the request that placed it under an Idempotency-Key. */
const REQUEST_HASH = 'requestHash';

@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, PlaceOrderResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly dataSource: DataSource,
  ) {}

  async execute(command: PlaceOrderCommand): Promise<PlaceOrderResult> {
    const { orderId, customerId, currency, lines, idempotency } = command;
    // The decider owns the rule (only won customers order); the app supplies what it knows of the customer.
    // A prepared plain query: the hot path of every order, where TypeORM's query building and
    // PostgreSQL's planning cost more than the read.
    const [customer] = await preparedQuery<Pick<CustomerStanding, 'standing'>>(
      this.dataSource,
      'SELECT standing FROM customer_standings WHERE customer_id = $1',
      [customerId],
    );
    try {
      // The order is new (a fresh id, or a repeat's, which conflicts and is then read): no read before the append.
      const { position } = await this.executor.execute(
        orderStream(orderId),
        orderDecider,
        {
          type: 'PlaceOrder',
          data: {
            orderId,
            customerId,
            customerStanding: customer?.standing ?? 'unknown',
            currency,
            lines,
            placedAt: new Date(),
          },
        },
        // The key lives in the order itself: its id comes from the key, and OrderPlaced keeps the
        // request's hash, so a repeat is told from another request in the same append.
        { stored: [], ...(idempotency ? { metadata: { [REQUEST_HASH]: idempotency.requestHash } } : {}) },
      );
      return { id: orderId, position, replayed: false };
    } catch (error) {
      if (idempotency && error instanceof OrderAlreadyPlaced) return this.repeat(orderId, idempotency);
      throw error;
    }
  }

  /** The order under this key exists: a repeat of the request that placed it gets that answer again (OrderPlaced's position). */
  private async repeat(orderId: string, { key, requestHash }: PlaceOrderIdempotency): Promise<PlaceOrderResult> {
    const creation = await this.executor.creation(orderStream(orderId));
    if (!creation) throw new Error(`order ${orderId} was placed but its stream cannot be read`);
    const stored = creation.event.metadata[REQUEST_HASH];
    assertRepeatOf(key, typeof stored === 'string' ? stored : undefined, requestHash);
    return { id: orderId, position: creation.position, replayed: true };
  }
}
