import type { EventMetadata, EventToAppend, RecordedEvent } from './event-store.port';

/** Turns stored data of one schema version into the next version's shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Upcaster = (data: any, event: RecordedEvent) => unknown;

export interface EventTypeDefinition {
  /** The current schema version of the event's data (1 when omitted). */
  schemaVersion?: number;
  /** `upcasters[n]` turns version n into version n + 1; one for every n below the current version. */
  upcasters?: Readonly<Record<number, Upcaster>>;
}

/**
 * The explicit list of event type names a service persists, with their schema versions.
 * Names are stable strings chosen here, never class names (a minifier or a rename would change
 * those). Appends are stamped with the current `metadata.schemaVersion`; reads bring older data
 * up to the current version, one upcaster at a time, so the decider only knows one shape.
 */
export class EventTypeRegistry {
  private readonly types = new Map<string, { schemaVersion: number; upcasters: Readonly<Record<number, Upcaster>> }>();

  register(type: string, definition: EventTypeDefinition = {}): this {
    if (this.types.has(type)) throw new EventTypeRegistryError(`event type "${type}" is registered twice`);
    const schemaVersion = definition.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new EventTypeRegistryError(`event type "${type}": schemaVersion must be an integer >= 1, got ${schemaVersion}`);
    }
    const upcasters = definition.upcasters ?? {};
    for (let version = 1; version < schemaVersion; version++) {
      if (typeof upcasters[version] !== 'function') {
        throw new EventTypeRegistryError(
          `event type "${type}" is at version ${schemaVersion} but has no upcaster from version ${version} to ${version + 1}`,
        );
      }
    }
    this.types.set(type, { schemaVersion, upcasters });
    return this;
  }

  isRegistered(type: string): boolean {
    return this.types.has(type);
  }

  registeredTypes(): string[] {
    return [...this.types.keys()];
  }

  currentVersion(type: string): number {
    const definition = this.types.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition.schemaVersion;
  }

  /** Stamps the current schema version on an event about to be appended; refuses unregistered types. */
  stamp<E extends EventToAppend>(event: E): E & { metadata: EventMetadata } {
    return { ...event, metadata: { ...event.metadata, schemaVersion: this.currentVersion(event.type) } };
  }

  /**
   * Returns the event with its data at the current schema version. Types this registry does not
   * know (another category's events read from the global order) pass through unchanged.
   */
  upcast<E extends RecordedEvent>(event: E): E {
    const definition = this.types.get(event.type);
    if (!definition) return event;
    const stored = event.metadata.schemaVersion ?? 1;
    if (stored === definition.schemaVersion) return event;
    if (!Number.isInteger(stored) || stored < 1 || stored > definition.schemaVersion) {
      throw new EventTypeRegistryError(
        `event ${event.id} of type "${event.type}" is stored at schema version ${String(stored)}, ` +
          `but this service reads versions 1..${definition.schemaVersion}`,
      );
    }
    let data = event.data;
    for (let version = stored; version < definition.schemaVersion; version++) {
      const upcaster = definition.upcasters[version];
      if (!upcaster) throw new EventTypeRegistryError(`event type "${event.type}" has no upcaster from version ${version}`);
      data = upcaster(data, event);
    }
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: definition.schemaVersion } };
  }
}

export class EventTypeRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventTypeRegistryError';
  }
}

export class UnknownEventTypeError extends EventTypeRegistryError {
  constructor(readonly type: string) {
    super(`event type "${type}" is not registered: register it with a stable name before appending it`);
    this.name = 'UnknownEventTypeError';
  }
}
