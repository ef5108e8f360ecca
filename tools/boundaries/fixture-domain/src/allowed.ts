// A domain file that respects the boundaries: only pure TypeScript and util libs.
import type { Decider } from '@switchboard/decider';

export type FixtureDecider = Decider<unknown, never, never>;
