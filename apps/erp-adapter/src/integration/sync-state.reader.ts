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
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@switchboard/event-sourcing';

/**
 * The current state of a sync aggregate, folded from its stream: what a consumer checks before a
 * callout (done already? the customer's ERP number?), strongly consistent, unlike a read model.
 */
@Injectable()
export class SyncStateReader {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async customer(customerId: string): Promise<ErpCustomerSyncState> {
    return (await this.fold(erpCustomerSyncStream(customerId), erpCustomerSyncDecider)).state;
  }

  /** With the events it was folded from: the command recording the ERP's answer starts from them (`stored`) rather than read again. */
  order(orderId: string): Promise<{ state: ErpOrderSyncState; stored: RecordedEvent[] }> {
    return this.fold(erpOrderSyncStream(orderId), erpOrderSyncDecider);
  }

  private async fold<State, Evt extends Event>(
    stream: string,
    decider: Pick<Decider<State, never, Evt>, 'evolve' | 'initialState'>,
  ): Promise<{ state: State; stored: RecordedEvent[] }> {
    const stored = await this.eventStore.readStream(stream);
    return { state: foldEvents(decider, stored.map(({ type, data }) => ({ type, data }) as Evt)), stored };
  }
}
