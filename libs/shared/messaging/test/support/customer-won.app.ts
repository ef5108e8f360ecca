import { Controller, Inject, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { IntegrationEvent } from '@switchboard/contracts';
import { JetStreamContext, JetStreamExceptionFilter, JetStreamServer, type JetStreamServerOptions } from '../../src';

/** What the test's handler saw, and how it should behave next. */
export class HandlerProbe {
  readonly handled: { event: IntegrationEvent; subject: string; consumer: string; deliveryCount: number; at: number }[] = [];
  readonly attempts: { eventId: string; deliveryCount: number; at: number }[] = [];
  /** When set, the handler throws this error message. */
  failWith?: string;
  /** How long the handler works before finishing. */
  workMs = 0;
}

const PROBE = Symbol('probe');

@Controller()
class CustomerWonController {
  constructor(@Inject(PROBE) private readonly probe: HandlerProbe) {}

  @EventPattern('crm.customer.won', { handler: 'create-customer', consumer: { backoffMs: [100, 200], maxDeliver: 3 } })
  async onCustomerWon(@Payload() event: IntegrationEvent, @Ctx() context: JetStreamContext): Promise<void> {
    const deliveryCount = context.getDeliveryCount();
    this.probe.attempts.push({ eventId: event.id, deliveryCount, at: Date.now() });
    if (this.probe.workMs) await new Promise((resolve) => setTimeout(resolve, this.probe.workMs));
    if (this.probe.failWith) throw new Error(this.probe.failWith);
    this.probe.handled.push({ event, subject: context.getSubject(), consumer: context.getConsumer(), deliveryCount, at: Date.now() });
  }
}

/** Starts a Nest microservice with one JetStream-consumed controller. */
export async function startCustomerWonApp(
  probe: HandlerProbe,
  options: JetStreamServerOptions,
): Promise<INestMicroservice> {
  @Module({ controllers: [CustomerWonController], providers: [{ provide: PROBE, useValue: probe }] })
  class AppModule {}

  const app = await NestFactory.createMicroservice(AppModule, { strategy: new JetStreamServer(options), logger: process.env['TEST_NEST_LOGS'] ? undefined : false });
  app.useGlobalFilters(new JetStreamExceptionFilter());
  await app.listen();
  return app;
}
