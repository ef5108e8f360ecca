import type { InjectionToken, ModuleMetadata, Type } from '@nestjs/common';
import type { WebhookVerifier } from '../signature/webhook-verifier';
import type { WebhookHandler } from './webhook-handler';

export type WebhookMode = 'async' | 'sync';

/** `WebhookModule.forFeature(...)`: one `POST /webhooks/<source>` touchpoint. */
export interface WebhookTouchpointOptions {
  /** The path segment and the key of its deliveries: lower-case letters, digits and dashes (`erp`). */
  readonly source: string;
  /** The handler class, instantiated by Nest with its own dependencies. */
  readonly handler: Type<WebhookHandler>;
  /** The current secrets (`whsec_…`; a string may list several), from the injected `inject` tokens. */
  readonly secrets: (...dependencies: never[]) => string | readonly string[];
  readonly inject?: readonly InjectionToken[];
  /** Modules the handler's dependencies come from, when they are not global. */
  readonly imports?: ModuleMetadata['imports'];
  /** Default 300 s. */
  readonly toleranceSeconds?: number;
  /** The decompressed body's limit (413 beyond it); at most the app's JSON parser limit (100 KiB). Default 100 KiB. */
  readonly maxBodyBytes?: number;
  /** When the request has no `?mode=`: default async. */
  readonly defaultMode?: WebhookMode;
  /**
   * Payload `type`s the sender sends that this touchpoint has no use for: once verified they are
   * answered 200 `ignored` and stored nowhere. Types neither handled nor listed here are stored and
   * end dead (422), so a type the sender renamed shows up instead of being dropped quietly.
   */
  readonly ignoredTypes?: readonly string[];
}

/** A touchpoint as the receiver and processor use it. */
export interface Touchpoint {
  readonly source: string;
  readonly verifier: WebhookVerifier;
  readonly handler: WebhookHandler;
  readonly maxBodyBytes: number;
  readonly defaultMode: WebhookMode;
  readonly ignoredTypes: ReadonlySet<string>;
}

export const DEFAULT_MAX_WEBHOOK_BYTES = 100 * 1024;

/** The touchpoints of the app, registered by each forFeature module. */
export class WebhookTouchpoints {
  private readonly bySource = new Map<string, Touchpoint>();

  register(touchpoint: Touchpoint): void {
    if (this.bySource.has(touchpoint.source)) throw new Error(`webhook touchpoint ${touchpoint.source} is registered twice`);
    this.bySource.set(touchpoint.source, touchpoint);
  }

  get(source: string): Touchpoint | undefined {
    return this.bySource.get(source);
  }

  sources(): string[] {
    return [...this.bySource.keys()];
  }
}
