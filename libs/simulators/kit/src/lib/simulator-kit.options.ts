export interface SimulatorKitOptions {
  /** The simulator's own tables, emptied by `POST /admin/reset` together with the kit's. */
  readonly resetTables: readonly string[];
}

export const SIMULATOR_KIT_OPTIONS = Symbol('SIMULATOR_KIT_OPTIONS');
