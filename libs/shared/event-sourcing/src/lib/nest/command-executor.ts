import { Inject, Injectable } from '@nestjs/common';
import type { Command, Decider, Event } from '@switchboard/decider';
import { CorrelationContext } from '@switchboard/observability';
import { handleCommand } from '../command-handler';
import { EVENT_STORE, type EventMetadata, type EventStore, type RecordedEvent } from '../event-store.port';
import { formatPosition } from '../position';
import { EVENT_SOURCING_OPTIONS, type EventSourcingModuleOptions } from './event-sourcing.options';
import { RecentStreamStates } from './recent-stream-states';

/** Streams whose state a CommandExecutor keeps by default (EventSourcingModuleOptions.recentStreams). */
export const DEFAULT_RECENT_STREAMS = 10_000;

export interface ExecuteOptions {
  /** Who asked (a user id, `system:erp-adapter`…), stamped on the new events. */
  actor?: string;
  /** More metadata for the new events; wins over the correlation ids read from the context. */
  metadata?: EventMetadata;
  /** The stream as the caller already has it (`[]`: expected new); see HandleCommandOptions.stored. */
  stored?: readonly RecordedEvent[];
}

export interface ExecuteResult<State, Evt extends Event> {
  /** What decide returned: empty when the command changed nothing (an idempotent repeat). */
  newEvents: Evt[];
  newState: State;
  /**
   * "commit.prepare" of the last new event, or the store's head when nothing was appended, so a
   * client can always pass it as `?minPosition=` and read its own write.
   */
  position: string;
}

/**
 * What a Nest @CommandHandler calls: handleCommand (load, fold, decide, append with the expected
 * revision, retry on conflict; a stream this process wrote lately is not loaded: RecentStreamStates)
 * with the correlation ids and origin of the current request or consumed event stamped on every new event (the relay publishes them as CloudEvent attributes). The handler stays a thin adapter: stream name, decider, command.
 */
@Injectable()
export class CommandExecutor {
  private readonly recent: RecentStreamStates;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingModuleOptions,
  ) {
    this.recent = new RecentStreamStates(options.recentStreams ?? DEFAULT_RECENT_STREAMS);
  }

  async execute<State, Cmd extends Command, Evt extends Event>(
    streamName: string,
    decider: Decider<State, Cmd, Evt>,
    command: Cmd,
    options: ExecuteOptions = {},
  ): Promise<ExecuteResult<State, Evt>> {
    let result;
    try {
      result = await handleCommand(this.eventStore, streamName, decider, command, {
        maxRetries: this.options.maxRetries,
        stored: options.stored,
        known: options.stored ? undefined : this.recent.get<State>(streamName, decider),
        metadata: {
          ...correlationMetadata(),
          ...(options.actor ? { actor: options.actor } : {}),
          ...options.metadata,
        },
      });
    } catch (error) {
      this.recent.forget(streamName);
      throw error;
    }
    if (result.nextExpectedRevision >= 0n) this.recent.set(streamName, decider, { state: result.newState, revision: result.nextExpectedRevision });
    return {
      newEvents: result.newEvents,
      newState: result.newState,
      position: result.position ? formatPosition(result.position) : await this.currentPosition(),
    };
  }

  /**
   * A stream's first event, the one that created it, and its position ("commit.prepare"), for
   * answering a repeat of the creating request (a retry) as the first time; undefined when the
   * stream does not exist.
   */
  async creation(streamName: string): Promise<{ event: RecordedEvent; position: string } | undefined> {
    const [first] = await this.eventStore.readStream(streamName, { direction: 'forwards', maxCount: 1 });
    return first ? { event: first, position: formatPosition(first.position) } : undefined;
  }

  /** The store's head as "commit.prepare" ("0.0" when empty): a position every earlier write is at or below. */
  async currentPosition(): Promise<string> {
    const head = await this.eventStore.headPosition();
    return head ? formatPosition(head) : '0.0';
  }
}

function correlationMetadata(): EventMetadata {
  const ids = CorrelationContext.current();
  if (!ids) return {};
  return Object.fromEntries(
    Object.entries({
      correlationId: ids.correlationId,
      causationId: ids.causationId,
      traceparent: ids.traceparent,
      origin: ids.origin,
    }).filter(([, value]) => value !== undefined),
  );
}
