import { AssertionError } from 'node:assert';
import type { Command, Decider, Event } from './decider';
import { DeciderSpecification } from './decider-specification';
import { DomainError } from './domain-error';

// A tiny counter aggregate: opened once, then incremented up to a limit.
type CounterOpened = Event<'CounterOpened', { counterId: string; limit: number; openedAt: Date }>;
type CounterIncremented = Event<'CounterIncremented', { counterId: string; by: number }>;
type CounterEvent = CounterOpened | CounterIncremented;

type OpenCounter = Command<'OpenCounter', { counterId: string; limit: number }, { now: Date }>;
type Increment = Command<'Increment', { counterId: string; by: number }>;
type CounterCommand = OpenCounter | Increment;

type CounterState = { status: 'empty' } | { status: 'open'; counterId: string; value: number; limit: number };

class CounterAlreadyOpened extends DomainError {
  readonly code = 'counter.already-opened';
  readonly kind = 'conflict';
  constructor(counterId: string) {
    super(`counter ${counterId} is already open`, { counterId });
  }
}

class CounterLimitExceeded extends DomainError {
  readonly code = 'counter.limit-exceeded';
  readonly kind = 'invalid';
  constructor(readonly limit: number) {
    super(`the counter cannot go above ${limit}`, { limit });
  }
}

class CounterNotFound extends DomainError {
  readonly code = 'counter.not-found';
  readonly kind = 'not_found';
  constructor(counterId: string) {
    super(`counter ${counterId} does not exist`, { counterId });
  }
}

const counter: Decider<CounterState, CounterCommand, CounterEvent> = {
  initialState: () => ({ status: 'empty' }),
  evolve(state, event) {
    switch (event.type) {
      case 'CounterOpened':
        return { status: 'open', counterId: event.data.counterId, value: 0, limit: event.data.limit };
      case 'CounterIncremented':
        return state.status === 'open' ? { ...state, value: state.value + event.data.by } : state;
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'OpenCounter':
        if (state.status !== 'empty') throw new CounterAlreadyOpened(command.data.counterId);
        return [{ type: 'CounterOpened', data: { ...command.data, openedAt: command.metadata.now } }];
      case 'Increment':
        if (state.status !== 'open') throw new CounterNotFound(command.data.counterId);
        if (state.value + command.data.by > state.limit) throw new CounterLimitExceeded(state.limit);
        return [{ type: 'CounterIncremented', data: command.data }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const now = new Date('2025-01-02T03:04:05Z');
const opened: CounterOpened = { type: 'CounterOpened', data: { counterId: 'c1', limit: 3, openedAt: now } };
const spec = DeciderSpecification.for(counter);

describe('DeciderSpecification', () => {
  it('passes when decide returns exactly the expected events', () => {
    spec
      .given([])
      .when({ type: 'OpenCounter', data: { counterId: 'c1', limit: 3 }, metadata: { now } })
      .then([opened]);
  });

  it('folds the given events before deciding', () => {
    spec
      .given([opened, { type: 'CounterIncremented', data: { counterId: 'c1', by: 2 } }])
      .when({ type: 'Increment', data: { counterId: 'c1', by: 1 } })
      .then([{ type: 'CounterIncremented', data: { counterId: 'c1', by: 1 } }]);
  });

  it('fails with a readable diff when the events differ', () => {
    const failure = catchError(() =>
      spec
        .given([opened])
        .when({ type: 'Increment', data: { counterId: 'c1', by: 1 } })
        .then([{ type: 'CounterIncremented', data: { counterId: 'c1', by: 2 } }]),
    );
    expect(failure).toBeInstanceOf(AssertionError);
    expect((failure as AssertionError).message).toContain('by: 2');
    expect((failure as AssertionError).message).toContain('by: 1');
  });

  it('fails when events are expected but decide throws, naming the error', () => {
    const failure = catchError(() =>
      spec
        .given([])
        .when({ type: 'Increment', data: { counterId: 'c1', by: 1 } })
        .then([]),
    );
    expect(failure).toBeInstanceOf(AssertionError);
    expect((failure as AssertionError).message).toContain('CounterNotFound');
  });

  it('passes thenThrows for an error of the expected class and a passing check', () => {
    spec
      .given([opened])
      .when({ type: 'Increment', data: { counterId: 'c1', by: 4 } })
      .thenThrows(CounterLimitExceeded, (error) => error.limit === 3);
  });

  it('passes thenThrows for a matching predicate', () => {
    spec
      .given([opened])
      .when({ type: 'OpenCounter', data: { counterId: 'c1', limit: 3 }, metadata: { now } })
      .thenThrows((error) => error instanceof DomainError && error.code === 'counter.already-opened');
  });

  it('fails thenThrows when decide returns events instead', () => {
    const failure = catchError(() =>
      spec
        .given([opened])
        .when({ type: 'Increment', data: { counterId: 'c1', by: 1 } })
        .thenThrows(CounterLimitExceeded),
    );
    expect(failure).toBeInstanceOf(AssertionError);
    expect((failure as AssertionError).message).toContain('expected decide to throw');
  });

  it('fails thenThrows when decide throws another error class', () => {
    const failure = catchError(() =>
      spec
        .given([])
        .when({ type: 'Increment', data: { counterId: 'c1', by: 1 } })
        .thenThrows(CounterLimitExceeded),
    );
    expect((failure as AssertionError).message).toContain(
      'expected decide to throw CounterLimitExceeded but it threw CounterNotFound',
    );
  });

  it('fails thenThrows when the check rejects the error', () => {
    const failure = catchError(() =>
      spec
        .given([opened])
        .when({ type: 'Increment', data: { counterId: 'c1', by: 4 } })
        .thenThrows(CounterLimitExceeded, (error) => error.limit === 99),
    );
    expect(failure).toBeInstanceOf(AssertionError);
  });
});

describe('DomainError', () => {
  it('carries a stable code, a kind for the HTTP edge, details and the subclass name', () => {
    const error = new CounterLimitExceeded(3);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'counter.limit-exceeded',
      kind: 'invalid',
      details: { limit: 3 },
      name: 'CounterLimitExceeded',
    });
  });
});

function catchError(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the specification to fail');
}
