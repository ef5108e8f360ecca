import {
  comparePositions,
  ProcessorCheckpoints,
  ProcessorLeases,
  type EventStore,
  type EventSubscription,
  type Position,
  type SqlQueryable,
} from '@switchboard/event-sourcing';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JetStreamConnection } from '../connection/jetstream-connection';
import type { MessagingLogger } from '../messaging-logger';
import { IntegrationEventPublisher } from '../publishing/integration-event-publisher';
import { AckedPrefix } from './acked-prefix';
import type { IntegrationEventMapper } from './integration-event-mapper';
import { PublishWindow } from './publish-window';
import { ReadAhead } from './read-ahead';
import { toIntegrationEvents } from './to-integration-events';

/** Events read ahead of the publishing: two of the PostgreSQL store's pages. */
const READ_AHEAD = 1_000;

const DEFAULT_LEASE_TTL_MS = 15_000;

export interface IntegrationEventRelayOptions {
  /** The publishing service: default `source` (`/<service>`) and default processor id. */
  service: string;
  /** Key of the relay's row in `processor_checkpoints` (default `<service>-relay`). */
  processorId?: string;
  /** The service's own event store. */
  eventStore: EventStore;
  /** Where `processor_checkpoints` is (its schema on the search_path): a pg Pool or TypeORM DataSource. */
  checkpoints: SqlQueryable;
  connection: JetStreamConnection;
  /** Public domain event → integration event(s); null for a private event. */
  map: IntegrationEventMapper;
  /** Publishes in flight at most (default 256). */
  maxInFlight?: number;
  /** How often the acked position is written as the checkpoint (default 100 ms). */
  checkpointIntervalMs?: number;
  /** Backoff after a failure: doubles from `initialMs` up to `maxMs`, with jitter (default 250 ms .. 30 s). */
  retryDelay?: { initialMs: number; maxMs: number };
  /** Milliseconds to wait for a publish ack (nats.js default otherwise). */
  publishTimeoutMs?: number;
  /**
   * One relay per processor across replicas: the replica holding the lease (`processor_leases`,
   * renewed every ttlMs / 3) relays, the others stand by and take over when it expires. Default
   * 15 s; `false` lets every replica relay (correct too: JetStream and the inboxes drop the
   * copies, at the cost of duplicate publish traffic).
   */
  lease?: { ttlMs: number } | false;
  logger?: MessagingLogger;
}

export interface RelayStatus {
  readonly processorId: string;
  /**
   * `retrying`: the last attempt failed and the relay waits before resubscribing; `standby`:
   * another replica holds the lease.
   */
  readonly state: 'stopped' | 'running' | 'retrying' | 'standby';
  /** The last checkpoint written: everything up to it is in JetStream. */
  readonly checkpoint: Position | null;
  /** The newest event the store lets subscribers see (null for an empty store). */
  readonly head: Position | null;
  /** The checkpoint has reached the head (nothing left to publish). */
  readonly caughtUp: boolean;
  /** Publishes awaiting their ack. */
  readonly inFlight: number;
  /** Integration events acked since this relay started (duplicates of a replay included). */
  readonly published: number;
  readonly lastError?: string;
}

/**
 * The relay: a checkpointed subscription on the service's own event store that publishes public
 * domain events as integration events to JetStream.
 *
 * - At-least-once, deduplicated: every message carries Nats-Msg-Id = its integration event id
 *   (the domain event id), so a republish after a crash lands in JetStream's duplicate window
 *   and is dropped; consumers' inbox absorbs one that comes later still.
 * - Pipelined: up to `maxInFlight` publishes in flight. The checkpoint advances only to the
 *   last event whose publishes, and those of every event before it, were acked, and is
 *   written every `checkpointIntervalMs` and on stop: never past an un-acked event.
 * - Self-healing: a failed publish, read or checkpoint write ends the attempt; the relay waits
 *   for the other publishes to settle, writes the acked position, backs off and resubscribes
 *   from the checkpoint.
 * - Order: JetStream stores one connection's publishes in the order sent, so the events of an
 *   aggregate (and of the whole service) arrive in store order, each with its stream revision
 *   as the CloudEvents `sequence`. Exception: if a publish fails while later ones in the window
 *   succeed, the failed one (and the later ones, as duplicates) are sent again after them.
 */
export class IntegrationEventRelay {
  readonly processorId: string;
  private readonly publisher: IntegrationEventPublisher;
  private readonly logger: MessagingLogger;
  private running?: Promise<void>;
  private stopping = false;
  private readonly wake = new Set<() => void>();
  private subscription?: EventSubscription;
  private window?: PublishWindow;
  private state: RelayStatus['state'] = 'stopped';
  /** Who this replica is in `processor_leases`. */
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  private leaseHeld = false;
  private checkpoint: Position | null = null;
  private writing?: Promise<void>;
  private published = 0;
  private failures = 0;
  private lastError?: string;

  constructor(private readonly options: IntegrationEventRelayOptions) {
    this.processorId = options.processorId ?? `${options.service}-relay`;
    this.publisher = new IntegrationEventPublisher(options.connection);
    this.logger = options.logger ?? options.connection.logger;
  }

  /** Starts relaying in the background from the stored checkpoint; a second call does nothing. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.state = 'running';
    this.running = this.run();
  }

  /** Stops reading, waits for the publishes in flight, writes the final checkpoint. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    for (const wake of this.wake) wake();
    await this.subscription?.close();
    await this.running;
    this.running = undefined;
    this.state = 'stopped';
  }

  async status(): Promise<RelayStatus> {
    const head = await this.options.eventStore.headPosition();
    const caughtUp =
      head === null || (this.checkpoint !== null && comparePositions(this.checkpoint, head) >= 0);
    return {
      processorId: this.processorId,
      state: this.state,
      checkpoint: this.checkpoint,
      head,
      caughtUp,
      inFlight: this.window?.pending ?? 0,
      published: this.published,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.holdLease())) {
          this.state = 'standby';
          await this.sleep(this.leaseRenewMs);
          continue;
        }
        this.state = 'running';
        await this.relayWhileLeased();
      } catch (error) {
        this.failures++;
        this.lastError = String(error);
        const delay = this.retryDelayMs();
        this.logger.error(
          `relay ${this.processorId} failed (attempt ${this.failures}), resubscribing from its checkpoint in ${delay} ms: ${this.lastError}`,
          (error as Error)?.stack,
        );
        if (this.stopping) break;
        this.state = 'retrying';
        await this.sleep(delay);
        this.state = 'running';
      }
    }
    await this.releaseLease();
  }

  private get leaseTtlMs(): number | undefined {
    return this.options.lease === false ? undefined : (this.options.lease?.ttlMs ?? DEFAULT_LEASE_TTL_MS);
  }

  private get leaseRenewMs(): number {
    return Math.max(Math.floor((this.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS) / 3), 10);
  }

  /** Takes or renews the lease; true when this replica may relay (always, without a lease). */
  private async holdLease(): Promise<boolean> {
    const ttlMs = this.leaseTtlMs;
    if (ttlMs === undefined) return true;
    const held = await ProcessorLeases.acquire(this.options.checkpoints, this.processorId, this.owner, ttlMs);
    if (held !== this.leaseHeld) {
      this.logger.log(
        `relay ${this.processorId}: ${held ? 'holds the lease, relaying' : 'another replica holds the lease, standing by'}`,
      );
    }
    this.leaseHeld = held;
    return held;
  }

  /** Relays, renewing the lease as it goes; a lost (or unrenewable) lease ends the attempt. */
  private async relayWhileLeased(): Promise<void> {
    if (this.leaseTtlMs === undefined) return this.relayFromCheckpoint();
    const renewal = setInterval(() => {
      this.holdLease().then(
        (held) => {
          if (!held) void this.subscription?.close();
        },
        (error: unknown) => {
          this.logger.warn(`relay ${this.processorId}: could not renew its lease, pausing: ${String(error)}`);
          this.leaseHeld = false;
          void this.subscription?.close();
        },
      );
    }, this.leaseRenewMs);
    try {
      await this.relayFromCheckpoint();
    } finally {
      clearInterval(renewal);
    }
  }

  private async releaseLease(): Promise<void> {
    if (!this.leaseHeld) return;
    this.leaseHeld = false;
    await ProcessorLeases.release(this.options.checkpoints, this.processorId, this.owner).catch(
      (error: unknown) =>
        this.logger.warn(
          `relay ${this.processorId}: could not release its lease (it expires by itself): ${String(error)}`,
        ),
    );
  }

  /** One attempt: subscribe after the checkpoint and relay until stopped or something fails. */
  private async relayFromCheckpoint(): Promise<void> {
    const { eventStore, map, service } = this.options;
    this.checkpoint = await ProcessorCheckpoints.read(this.options.checkpoints, this.processorId);
    const acked = new AckedPrefix(this.checkpoint);
    const subscription = eventStore.subscribeToAll(this.checkpoint ? { after: this.checkpoint } : {});
    this.subscription = subscription;
    // A failed publish ends the reading even while it waits for new events.
    const window = new PublishWindow(this.options.maxInFlight ?? 256, () => void subscription.close());
    this.window = window;
    // stop() may have come while the checkpoint was read, before there was this subscription to close.
    if (this.stopping) await subscription.close();
    const timer = setInterval(
      () => this.checkpointInBackground(acked),
      this.options.checkpointIntervalMs ?? 100,
    );
    const readAhead = new ReadAhead(subscription, READ_AHEAD);
    let failure: { error: unknown } | undefined;
    try {
      reading: for (;;) {
        const events = await readAhead.take();
        if (events === null) break;
        for (const event of events) {
          if (this.stopping) break reading;
          const integrationEvents = toIntegrationEvents(event, map, service);
          const entry = acked.add(event.position, integrationEvents.length);
          for (const integrationEvent of integrationEvents) {
            // Awaits only when the window is full, so a batch goes out in one tick (one socket write).
            if (window.full) await window.acquire();
            if (window.error) break reading;
            window.track(
              this.publisher
                .publish(integrationEvent, { timeoutMs: this.options.publishTimeoutMs })
                .then(() => {
                  this.published++;
                  acked.settle(entry);
                }),
            );
          }
        }
      }
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(timer);
      readAhead.close();
      await subscription.close();
      await window.drain();
    }
    failure ??= window.error;
    // Even after a failure: keep what was acked before it, so the retry republishes less.
    await this.writing;
    await this.writeCheckpoint(acked.position);
    if (failure) throw failure.error;
  }

  private checkpointInBackground(acked: AckedPrefix): void {
    if (this.writing) return;
    this.writing = this.writeCheckpoint(acked.position)
      .catch((error: unknown) =>
        this.logger.warn(`relay ${this.processorId}: checkpoint write failed, will retry: ${String(error)}`),
      )
      .finally(() => {
        this.writing = undefined;
      });
  }

  private async writeCheckpoint(position: Position | null): Promise<void> {
    if (position === null || (this.checkpoint !== null && comparePositions(position, this.checkpoint) <= 0))
      return;
    await ProcessorCheckpoints.write(this.options.checkpoints, this.processorId, position);
    this.checkpoint = position;
    this.failures = 0;
    this.lastError = undefined;
  }

  private retryDelayMs(): number {
    const { initialMs, maxMs } = this.options.retryDelay ?? { initialMs: 250, maxMs: 30_000 };
    const delay = Math.min(maxMs, initialMs * 2 ** Math.min(this.failures - 1, 20));
    return Math.round(delay * (0.5 + Math.random() / 2));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake.add(done);
    });
  }
}
