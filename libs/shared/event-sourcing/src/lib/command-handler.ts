import { setTimeout as sleep } from 'node:timers/promises';
import type { Command, Decider, Event } from '@switchboard/decider';
import type { EventMetadata, EventStore, Position, RecordedEvent } from './event-store.port';
import type { EventTypeRegistry } from './event-type-registry';
import { withEventTypeRegistry } from './upcasting-event-store';
import { WrongExpectedRevisionError } from './wrong-expected-revision.error';

export interface HandleCommandOptions<State = unknown> {
  /** Reload-and-decide-again rounds after a concurrency conflict (default 3): at most maxRetries + 1 attempts. */
  maxRetries?: number;
  /** Upper bound of the random pause before retry n, times n, in ms (default 10): spreads out colliding writers. */
  retryJitterMs?: number;
  /** Reads are upcast and appends stamped through it. */
  registry?: EventTypeRegistry;
  /** Stamped on every new event: correlationId, causationId, traceparent, actor… */
  metadata?: EventMetadata;
  /**
   * The stream as the caller already has it (just read, or `[]` for one it expects to be new):
   * decide on it first, without reading the stream. The append still expects its last revision,
   * so a stale copy only conflicts. Unless that append succeeds (a conflict, no events, a domain
   * error) the command goes the usual way from a fresh read, with all its retries.
   */
  stored?: readonly RecordedEvent[];
  /**
   * The stream's state and last revision as the caller already has them folded (e.g. kept from its
   * own last write): decided on first like `stored`, without reading or folding the stream.
   */
  known?: KnownStreamState<State>;
}

/** A stream's folded state and the revision of its last event. */
export interface KnownStreamState<State> {
  readonly state: State;
  readonly revision: bigint;
}

export interface HandleCommandResult<State, Evt extends Event> {
  /** What decide returned (empty when the command changed nothing). */
  newEvents: Evt[];
  newState: State;
  /** The stream's last revision after the command; -1n when the stream still does not exist. */
  nextExpectedRevision: bigint;
  /**
   * For read-your-writes: the global position of the last new event or, when the command changed
   * nothing, of the stream's last event (the state the answer reflects, which may not be visible
   * to subscribers yet); null for a stream that does not exist.
   */
  position: Position | null;
}

/**
 * The one way a command changes an aggregate (emmett `handleCommand`): read the stream, fold it
 * with evolve, decide, append with the revision it was read at (`no_stream` for a new stream,
 * never "any"). When another writer got in between, read again and decide again, up to
 * `maxRetries` times. Domain errors from decide propagate untouched and are not retried.
 */
export async function handleCommand<State, Cmd extends Command, Evt extends Event>(
  eventStore: EventStore,
  streamName: string,
  decider: Decider<State, Cmd, Evt>,
  command: Cmd,
  options: HandleCommandOptions<State> = {},
): Promise<HandleCommandResult<State, Evt>> {
  const { maxRetries = 3, retryJitterMs = 10, registry, metadata } = options;
  const store = registry ? withEventTypeRegistry(eventStore, registry) : eventStore;

  const fold = (stored: readonly RecordedEvent[]) => {
    let state = decider.initialState();
    for (const event of stored) state = decider.evolve(state, { type: event.type, data: event.data } as Evt);
    return { state, last: stored.at(-1) };
  };
  const revisionOf = ({ state, last }: ReturnType<typeof fold>) => ({ state, revision: last?.streamRevision ?? ('no_stream' as const) });
  const append = async (state: State, expectedRevision: bigint | 'no_stream', newEvents: Evt[]): Promise<HandleCommandResult<State, Evt>> => {
    const appended = await store.appendToStream(
      streamName,
      newEvents.map((event) => ({ type: event.type, data: event.data, metadata: { ...metadata } })),
      { expectedRevision },
    );
    return {
      newEvents,
      newState: newEvents.reduce((folded, event) => decider.evolve(folded, event), state),
      nextExpectedRevision: appended.nextExpectedRevision,
      position: appended.position,
    };
  };

  // What the caller already has: anything but an append that succeeds goes the usual way.
  const given = options.known ?? (options.stored ? revisionOf(fold(options.stored)) : undefined);
  if (given) {
    let newEvents: Evt[] = [];
    try {
      newEvents = decider.decide(command, given.state);
    } catch {
      // A stale copy may refuse what the stream allows: decided again on a fresh read.
    }
    if (newEvents.length > 0) {
      try {
        return await append(given.state, given.revision, newEvents);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }

  for (let attempt = 1; ; attempt++) {
    const read = fold(await store.readStream(streamName));
    const newEvents = decider.decide(command, read.state);
    if (newEvents.length === 0) {
      return { newEvents, newState: read.state, nextExpectedRevision: read.last?.streamRevision ?? -1n, position: read.last?.position ?? null };
    }
    try {
      return await append(read.state, revisionOf(read).revision, newEvents);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt > maxRetries) throw new ConcurrencyRetriesExhaustedError(streamName, attempt, error);
      await sleep(Math.random() * retryJitterMs * attempt);
    }
  }
}

/** Every attempt lost the race to another writer of the same stream. */
export class ConcurrencyRetriesExhaustedError extends Error {
  constructor(
    readonly streamName: string,
    readonly attempts: number,
    override readonly cause: WrongExpectedRevisionError,
  ) {
    super(
      `gave up on stream "${streamName}" after ${attempts} attempts: another writer changed it each time ` +
        `(last: ${cause.message})`,
    );
    this.name = 'ConcurrencyRetriesExhaustedError';
  }
}
