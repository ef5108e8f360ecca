import { Injectable } from '@nestjs/common';
import type { FaultSettings } from './fault-settings';

/**
 * The faults currently injected. In memory on purpose: a simulator restart (like a real outage
 * ending) brings the system back healthy, and a test never inherits another test's faults.
 */
@Injectable()
export class FaultState {
  private settings: FaultSettings = {};

  current(): FaultSettings {
    return this.settings;
  }

  set(settings: FaultSettings): void {
    this.settings = settings;
  }

  clear(): void {
    this.settings = {};
  }
}
