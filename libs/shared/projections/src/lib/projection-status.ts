import { formatPosition, type EventStore, ProcessorCheckpoints } from '@switchboard/event-sourcing';
import type { DataSource } from 'typeorm';
import { positionLag } from './position-lag';

export interface ProjectionLag {
  name: string;
  /** "commit.prepare", or null when nothing is projected yet. */
  checkpoint: string | null;
  /** The store's head, or null for an empty store. */
  head: string | null;
  /** See positionLag: events behind (PostgreSQL, in-memory), 0 when caught up. */
  lag: number;
}

/** For health and metrics: a projection's lag, plus whether a runner in this process runs it. */
export interface ProjectionStatus extends ProjectionLag {
  running: boolean;
  /** The last failure while it retries; absent when healthy. */
  lastError?: string;
}

/** Head position minus checkpoint for one projection (reads the checkpoint table and the store head). */
export async function projectionLag(
  dataSource: DataSource,
  eventStore: EventStore,
  projectionName: string,
): Promise<ProjectionLag> {
  // Checkpoint first: a head read later can only be further ahead, so lag is never under-reported.
  const checkpoint = await ProcessorCheckpoints.read(dataSource, projectionName);
  const head = await eventStore.headPosition();
  return {
    name: projectionName,
    checkpoint: checkpoint && formatPosition(checkpoint),
    head: head && formatPosition(head),
    lag: positionLag(head, checkpoint),
  };
}
