import { Injectable } from '@nestjs/common';
import type { FaultSettings } from './fault-settings';

/** A request the injected latency is holding back, before it reaches its handler. */
export interface HeldRequest {
  readonly method: string;
  readonly path: string;
  readonly heldSince: Date;
}

/**
 * The faults currently injected. In memory on purpose: a simulator restart (like a real outage
 * ending) brings the system back healthy, and a test never inherits another test's faults.
 */
@Injectable()
export class FaultState {
  private settings: FaultSettings = {};
  private readonly held = new Set<HeldRequest>();

  current(): FaultSettings {
    return this.settings;
  }

  set(settings: FaultSettings): void {
    this.settings = settings;
  }

  clear(): void {
    this.settings = {};
  }

  /** Records a request held by the injected latency; call the returned function when it goes on. */
  hold(method: string, path: string): () => void {
    const request: HeldRequest = { method, path, heldSince: new Date() };
    this.held.add(request);
    return () => this.held.delete(request);
  }

  /** The requests held right now, oldest first: a scenario can act while a call is in flight. */
  heldRequests(): HeldRequest[] {
    return [...this.held];
  }
}
