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
import { LRUCache } from 'lru-cache';

/** How many synced customers' ERP numbers are kept: one per customer with orders in flight is plenty. */
const KEPT_CUSTOMER_NUMBERS = 10_000;

/**
 * The current state of a sync aggregate, folded from its stream: what a consumer checks before a
 * callout (done already? the customer's ERP number?), strongly consistent, unlike a read model.
 */
@Injectable()
export class SyncStateReader {
  /** The ERP never renumbers a customer (ErpCustomerSync refuses another number), so a synced one's number is kept. */
  private readonly customerNumbers = new LRUCache<string, string>({ max: KEPT_CUSTOMER_NUMBERS });

  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async customer(customerId: string): Promise<ErpCustomerSyncState> {
    return (await this.fold(erpCustomerSyncStream(customerId), erpCustomerSyncDecider)).state;
  }

  /** The customer's ERP number once synced, else undefined: read once per customer, not per order. */
  async erpCustomerNumber(customerId: string): Promise<string | undefined> {
    const kept = this.customerNumbers.get(customerId);
    if (kept !== undefined) return kept;
    const state = await this.customer(customerId);
    if (state.status !== 'synced') return undefined;
    this.customerNumbers.set(customerId, state.erpCustomerNumber);
    return state.erpCustomerNumber;
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
