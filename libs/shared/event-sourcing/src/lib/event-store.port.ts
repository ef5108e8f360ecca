/**
 * The event store port. Adapters: PostgreSQL (default), EventStoreDB (esdb://), in-memory (unit tests).
 * Every adapter passes the same contract suite (test/event-store.contract.ts).
 */

/** Metadata every stored event may carry; extra keys are kept as they are. */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  /** The system where the chain's business change started (`crm`, `order`, `erp`, `clm`). */
  origin?: string;
  actor?: string;
  /** Schema version of `data` for this event type (see EventTypeRegistry); 1 when absent. */
  schemaVersion?: number;
  [key: string]: unknown;
}

/** An event about to be appended. `id` is generated (UUID v4) when not given. */
export interface EventToAppend<Type extends string = string, Data = unknown> {
  id?: string;
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

/**
 * A place in the store's global order, comparable across streams.
 * Mirrors EventStoreDB's $all position: PostgreSQL uses commit = transaction id (xid8) and
 * prepare = global sequence number, read in (commit, prepare) order; in-memory uses the same
 * counter for both.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  streamName: string;
  /** 0-based revision of this event within its stream. */
  streamRevision: bigint;
  position: Position;
  recordedAt: Date;
}

/** `no_stream`: the stream must not exist; `stream_exists`: it must; a bigint: its last revision must be exactly that. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the last appended event: pass it as the next expected revision. */
  nextExpectedRevision: bigint;
  /** Global position of the last appended event (for read-your-writes). */
  position: Position;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

/** Narrows reads of the global order; both lists must match when both are given. */
export interface EventFilter {
  /** Only these event types. */
  eventTypes?: readonly string[];
  /** Only streams whose name starts with one of these prefixes (e.g. `order-`). */
  streamPrefixes?: readonly string[];
}

export interface ReadAllOptions extends EventFilter {
  /** Exclusive: events strictly after this position. Absent: from the beginning. */
  after?: Position;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: deliver events strictly after it. Absent: from the beginning. */
  after?: Position;
  /** Deliver only these event types (others are still passed over in order). */
  eventTypes?: readonly string[];
  /** Deliver only streams whose name starts with one of these prefixes (e.g. `order-`). */
  streamPrefixes?: readonly string[];
}

/**
 * A catch-up subscription: first every stored event after the checkpoint, then live ones, in
 * global order, each exactly once while it runs. Iterate it; the consumer's pace is the pace
 * of reading (back-pressure). `close()` ends the iteration.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Returns [] for a stream that does not exist. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription;
  /** The position of the last event a subscriber can see now (null for an empty store): for lag. */
  headPosition(): Promise<Position | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
