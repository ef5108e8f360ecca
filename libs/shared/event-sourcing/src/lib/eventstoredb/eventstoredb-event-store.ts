import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type Filter,
  type JSONType,
  type Position as EsdbPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { assertAppendable } from '../append-validation';
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  EventSubscription,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { matchesFilter } from '../event-filter';
import { comparePositions } from '../position';
import { WrongExpectedRevisionError } from '../wrong-expected-revision.error';

/**
 * The EventStoreDB adapter (`esdb://` connection strings). Positions are $all positions.
 * System events (`$`-prefixed types or streams) never reach readers of the global order.
 */
export class EventStoreDBEventStore implements EventStore {
  readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EventSubscription>();

  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    assertAppendable(streamName, events);
    try {
      const result = await this.client.appendToStream(
        streamName,
        events.map((event) =>
          jsonEvent({
            id: event.id ?? randomUUID(),
            type: event.type,
            data: event.data as JSONType,
            metadata: (event.metadata ?? {}) as JSONType,
          }),
        ),
        { expectedRevision },
      );
      if (!result.position) throw new Error('EventStoreDB returned no position: a server >= 22.6 is required');
      return { nextExpectedRevision: result.nextExpectedRevision, position: toPosition(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(streamName, expectedRevision, error.actualVersion);
      }
      throw error;
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event, resolved.commitPosition));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after, maxCount = Number.MAX_SAFE_INTEGER } = options;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    for await (const resolved of this.client.readAll({ fromPosition: after ?? START, direction: FORWARDS })) {
      const event = resolved.event;
      if (!event || isSystemEvent(event)) continue;
      // fromPosition is inclusive; the port's `after` is not.
      if (after && comparePositions(event.position, after) <= 0) continue;
      const recorded = toRecordedEvent(event, resolved.commitPosition);
      if (!matchesFilter(recorded, options)) continue;
      events.push(recorded);
      if (events.length >= maxCount) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    const { after } = options;
    const stream = this.client.subscribeToAll({ fromPosition: after ?? START, filter: serverFilter(options) });
    const subscriptions = this.subscriptions;
    const subscription: EventSubscription = {
      async close() {
        subscriptions.delete(subscription);
        await stream.unsubscribe();
      },
      async *[Symbol.asyncIterator]() {
        try {
          for await (const resolved of stream) {
            const event = resolved.event;
            if (!event || isSystemEvent(event)) continue;
            if (after && comparePositions(event.position, after) <= 0) continue;
            const recorded = toRecordedEvent(event, resolved.commitPosition);
            // The server applies one filter; the other one (if both are given) applies here.
            if (matchesFilter(recorded, options)) yield recorded;
          }
        } finally {
          subscriptions.delete(subscription);
        }
      },
    };
    subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS })) {
      if (resolved.event && !isSystemEvent(resolved.event)) return toPosition(resolved.event.position);
    }
    return null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }
}

function serverFilter(options: SubscribeToAllOptions): Filter {
  if (options.eventTypes) {
    return eventTypeFilter({ regex: `^(${options.eventTypes.map(escapeRegex).join('|')})$` });
  }
  if (options.streamPrefixes) return streamNameFilter({ prefixes: [...options.streamPrefixes] });
  return excludeSystemEvents();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function toPosition(position: EsdbPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

function toRecordedEvent(event: EsdbRecordedEvent, commitPosition: bigint | undefined): RecordedEvent {
  const position = event.position ?? { commit: commitPosition ?? -1n, prepare: commitPosition ?? -1n };
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: isMetadataObject(event.metadata) ? event.metadata : {},
    streamName: event.streamId,
    streamRevision: event.revision,
    position: toPosition(position),
    recordedAt: event.created,
  };
}

function isMetadataObject(metadata: unknown): metadata is EventMetadata {
  return typeof metadata === 'object' && metadata !== null && !(metadata instanceof Uint8Array) && !Array.isArray(metadata);
}
