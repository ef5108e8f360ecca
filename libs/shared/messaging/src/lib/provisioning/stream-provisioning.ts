import { STREAMS, type StreamDefinition } from '@switchboard/contracts';
import { DiscardPolicy, nanos, RetentionPolicy, StorageType, type StreamConfig } from 'nats';
import type { JetStreamConnection } from '../connection/jetstream-connection';
import { isStreamNotFound } from '../nats-errors';
import { assertNoImmutableChange, changedSettings, describeChange, ProvisioningError } from './changed-settings';
import type { ProvisioningResult } from './provisioning-result';

/** Limits of a stream, from configuration. */
export interface StreamSettings {
  storage: 'file' | 'memory';
  /** Window in which a repeated Nats-Msg-Id is dropped as a duplicate. */
  duplicateWindowMs: number;
  /** 0 = keep forever. */
  maxAgeMs: number;
  /** -1 = unlimited. */
  maxBytes: number;
  /** -1 = unlimited. */
  maxMsgs: number;
  replicas: number;
}

export const DEFAULT_STREAM_SETTINGS: StreamSettings = {
  storage: 'file',
  duplicateWindowMs: 2 * 60_000,
  maxAgeMs: 14 * 24 * 60 * 60_000,
  maxBytes: -1,
  maxMsgs: -1,
  replicas: 1,
};

export interface StreamProvisioningOptions {
  /** Applied to every stream. */
  defaults?: Partial<StreamSettings>;
  /** Per stream (by catalogue name, e.g. `DLQ`), on top of the defaults. */
  overrides?: Record<string, Partial<StreamSettings>>;
  /** Which streams; the whole catalogue by default. */
  streams?: readonly StreamDefinition[];
}

/** Settings JetStream refuses to change on an existing stream. */
const IMMUTABLE: readonly (keyof StreamConfig)[] = ['storage', 'retention'];

/**
 * Declares the catalogue's streams: creates the missing ones, updates (and logs) changed limits,
 * leaves matching ones alone, and refuses with a clear error a change the server cannot make in
 * place (storage type). Safe to run at every start, by every service.
 */
export async function provisionStreams(
  connection: JetStreamConnection,
  options: StreamProvisioningOptions = {},
): Promise<ProvisioningResult[]> {
  const results: ProvisioningResult[] = [];
  for (const stream of options.streams ?? STREAMS) {
    const settings = { ...DEFAULT_STREAM_SETTINGS, ...options.defaults, ...options.overrides?.[stream.name] };
    results.push(await provisionStream(connection, desiredStreamConfig(connection, stream, settings)));
  }
  return results;
}

export function desiredStreamConfig(
  connection: JetStreamConnection,
  stream: StreamDefinition,
  settings: StreamSettings,
): Partial<StreamConfig> & { name: string } {
  return {
    name: connection.namespace.stream(stream.name),
    subjects: stream.subjects.map((subject) => connection.namespace.subject(subject)),
    description: stream.description,
    storage: settings.storage === 'file' ? StorageType.File : StorageType.Memory,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(settings.duplicateWindowMs),
    max_age: nanos(settings.maxAgeMs),
    max_bytes: settings.maxBytes,
    max_msgs: settings.maxMsgs,
    num_replicas: settings.replicas,
  };
}

async function provisionStream(
  connection: JetStreamConnection,
  desired: Partial<StreamConfig> & { name: string },
): Promise<ProvisioningResult> {
  const { jsm, logger } = connection;
  const existing = await jsm.streams.info(desired.name).catch((error: unknown) => {
    if (isStreamNotFound(error)) return undefined;
    throw error;
  });
  if (!existing) {
    await jsm.streams.add(desired);
    logger.log(`stream ${desired.name} created`);
    return { name: desired.name, action: 'created', changed: [] };
  }
  const changed = changedSettings(desired, existing.config);
  if (changed.length === 0) return { name: desired.name, action: 'unchanged', changed };
  assertNoImmutableChange('stream', desired.name, changed, IMMUTABLE, (key) =>
    describeChange(key, existing.config[key as keyof StreamConfig], desired[key as keyof StreamConfig]),
  );
  try {
    await jsm.streams.update(desired.name, { ...existing.config, ...desired });
  } catch (error) {
    throw new ProvisioningError(`stream "${desired.name}" could not be updated (${changed.join(', ')}): ${String(error)}`);
  }
  logger.warn(
    `stream ${desired.name} updated: ${changed.map((key) => describeChange(key, existing.config[key as keyof StreamConfig], desired[key as keyof StreamConfig])).join(', ')}`,
  );
  return { name: desired.name, action: 'updated', changed };
}
