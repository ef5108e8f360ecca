import { Inject, Injectable } from '@nestjs/common';
import { foldEvents, type Decider, type Event } from '@switchboard/decider';
import {
  erpCustomerSyncDecider,
  erpCustomerSyncStream,
  erpOrderSyncDecider,
  erpOrderSyncStream,
  type ErpCustomerSyncState,
  type ErpOrderSyncState,
} from '@switchboard/erp-domain';
import { EVENT_STORE, type EventStore } from '@switchboard/event-sourcing';

/**
 * The current state of a sync aggregate, folded from its stream: what a consumer checks before a
 * callout (done already? the customer's ERP number?), strongly consistent, unlike a read model.
 */
@Injectable()
export class SyncStateReader {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  customer(customerId: string): Promise<ErpCustomerSyncState> {
    return this.fold(erpCustomerSyncStream(customerId), erpCustomerSyncDecider);
  }

  order(orderId: string): Promise<ErpOrderSyncState> {
    return this.fold(erpOrderSyncStream(orderId), erpOrderSyncDecider);
  }

  private async fold<State, Evt extends Event>(stream: string, decider: Pick<Decider<State, never, Evt>, 'evolve' | 'initialState'>): Promise<State> {
    const events = await this.eventStore.readStream(stream);
    return foldEvents(decider, events.map(({ type, data }) => ({ type, data }) as Evt));
  }
}
