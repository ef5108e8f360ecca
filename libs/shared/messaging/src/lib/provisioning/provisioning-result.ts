export type ProvisioningAction = 'created' | 'updated' | 'unchanged';

export interface ProvisioningResult {
  /** Wire name of the stream or consumer. */
  readonly name: string;
  readonly action: ProvisioningAction;
  /** Server config keys that were changed by an update. */
  readonly changed: readonly string[];
}
