/**
 * An aggregate as a decider (event-driven-io/emmett `typing/decider.ts`): pure functions over
 * plain data, so the domain stays free of framework and I/O and specs read as given/when/then.
 */

/** Anything a command may carry besides its data: time and ids arrive here so `decide` is deterministic. */
export interface CommandMetadata {
  /** The moment the command is decided at (the edge reads the clock, the domain never does). */
  readonly now?: Date;
  readonly [key: string]: unknown;
}

/** An imperative request (`PlaceOrder`): readonly plain data with a string-literal `type`. */
export type Command<
  Type extends string = string,
  Data = unknown,
  Metadata extends CommandMetadata | undefined = undefined,
> = Readonly<
  Metadata extends CommandMetadata
    ? { type: Type; data: Data; metadata: Metadata }
    : { type: Type; data: Data; metadata?: CommandMetadata }
>;

/** A fact that happened (`OrderPlaced`): readonly plain data with a string-literal `type`. */
export type Event<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Data }>;

export interface Decider<State, Cmd extends Command, Evt extends Event> {
  /** Returns the events the command causes in this state (possibly none), or throws a DomainError. */
  decide(command: Cmd, state: State): Evt[];
  /** Applies one event to the state; pure. */
  evolve(state: State, event: Evt): State;
  /** The state of a stream with no events. */
  initialState(): State;
}

/** Folds events over the decider's initial state. */
export function foldEvents<State, Evt extends Event>(
  decider: Pick<Decider<State, Command, Evt>, 'evolve' | 'initialState'>,
  events: Iterable<Evt>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
