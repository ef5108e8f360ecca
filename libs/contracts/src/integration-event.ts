import type { OriginSystem } from './origin-system';
import { assertSubjectName } from './subject-name';

/**
 * An integration event: the public, versioned contract between contexts, as a CloudEvents 1.0
 * event in structured JSON. The messaging library encodes it with the cloudevents SDK.
 */
export interface IntegrationEvent<Data = unknown> {
  /** Event id: unique per event, the idempotency key of every consumer (and the Nats-Msg-Id). */
  readonly id: string;
  /** `/<service>`, e.g. `/crm`. */
  readonly source: string;
  /** `switchboard.<subject>.v<N>`, e.g. `switchboard.crm.customer.won.v1`. */
  readonly type: string;
  /** Id of the aggregate the event is about. */
  readonly subject: string;
  /** RFC 3339 timestamp of when it happened. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** URI of the JSON schema of `data`. */
  readonly dataschema?: string;
  /** Id of the first event or request of the chain this event belongs to. */
  readonly correlationid: string;
  /** Id of the event or command that caused this one. */
  readonly causationid?: string;
  /** W3C trace context of the producing span. */
  readonly traceparent?: string;
  /**
   * The system where the business change started, kept along the whole chain (see
   * origin-system.ts). Absent on events published before it existed: consumers then take the
   * producer's system from `source` (`originOf`).
   */
  readonly origin?: OriginSystem;
  /**
   * CloudEvents `sequence` extension: the relay stamps the aggregate's stream revision, zero-padded
   * to 20 digits, so a consumer can tell an older event of the same subject from a newer one.
   */
  readonly sequence?: string;
  readonly data: Data;
}

const TYPE_PREFIX = 'switchboard.';
const TYPE_PATTERN = /^switchboard\.(.+)\.v([1-9][0-9]*)$/;

/** `integrationEventType('crm.customer.won', 1)` → `switchboard.crm.customer.won.v1`. */
export function integrationEventType(subject: string, version: number): string {
  assertSubjectName(subject);
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`invalid version ${version} for "${subject}": versions are integers from 1`);
  }
  return `${TYPE_PREFIX}${subject}.v${version}`;
}

/** The subject and version of an event type: the inverse of {@link integrationEventType}. */
export function parseIntegrationEventType(type: string): { subject: string; version: number } {
  const match = TYPE_PATTERN.exec(type);
  if (!match) {
    throw new Error(`invalid integration event type "${type}": expected "switchboard.<subject>.v<N>"`);
  }
  return { subject: assertSubjectName(match[1]), version: Number(match[2]) };
}

/** `source` of events published by `service`. */
export function integrationEventSource(service: string): string {
  return `/${service}`;
}
