import { AssertionError, deepStrictEqual } from 'node:assert';
import { foldEvents, type Command, type Decider, type Event } from './decider';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass<E extends Error> = abstract new (...args: any[]) => E;

/**
 * Given events → when command → then events (or then throws), for a decider. Framework-free:
 * a failed expectation throws node's AssertionError (with a diff), which jest reports as is.
 *
 * ```ts
 * const spec = DeciderSpecification.for(orderDecider);
 * spec.given([orderPlaced]).when(cancelOrder).then([orderCancelled]);
 * spec.given([]).when(cancelOrder).thenThrows(OrderNotFound);
 * ```
 */
export class DeciderSpecification<State, Cmd extends Command, Evt extends Event> {
  private constructor(private readonly decider: Decider<State, Cmd, Evt>) {}

  static for<State, Cmd extends Command, Evt extends Event>(
    decider: Decider<State, Cmd, Evt>,
  ): DeciderSpecification<State, Cmd, Evt> {
    return new DeciderSpecification(decider);
  }

  given(events: readonly Evt[]): { when(command: Cmd): DeciderExpectation<Evt> } {
    return {
      when: (command) =>
        new DeciderExpectation(() => this.decider.decide(command, foldEvents(this.decider, events))),
    };
  }
}

export class DeciderExpectation<Evt extends Event> {
  constructor(private readonly run: () => Evt[]) {}

  /** Asserts the command yields exactly these events, in order (`[]`: nothing happens). */
  then(expected: readonly Evt[]): void {
    let actual: Evt[];
    try {
      actual = this.run();
    } catch (error) {
      throw new AssertionError({
        message: `expected events ${JSON.stringify(expected)} but decide threw ${describeError(error)}`,
        actual: error,
        expected,
      });
    }
    deepStrictEqual(actual, expected, 'decide returned other events than expected');
  }

  /**
   * Asserts decide throws: an instance of `errorType` (optionally also passing `check`), or an
   * error for which the predicate returns true.
   */
  thenThrows(predicate: (error: unknown) => boolean): void;
  thenThrows<E extends Error>(errorType: ErrorClass<E>, check?: (error: E) => boolean | void): void;
  thenThrows<E extends Error>(
    errorTypeOrPredicate: ErrorClass<E> | ((error: unknown) => boolean),
    check?: (error: E) => boolean | void,
  ): void {
    let result: Evt[];
    try {
      result = this.run();
    } catch (error) {
      if (isErrorClass(errorTypeOrPredicate)) {
        if (!(error instanceof errorTypeOrPredicate)) {
          throw new AssertionError({
            message: `expected decide to throw ${errorTypeOrPredicate.name} but it threw ${describeError(error)}`,
            actual: error,
            expected: errorTypeOrPredicate,
          });
        }
        if (check && check(error as E) === false) {
          throw new AssertionError({
            message: `the ${describeError(error)} thrown did not pass the check`,
            actual: error,
          });
        }
        return;
      }
      if (!errorTypeOrPredicate(error)) {
        throw new AssertionError({
          message: `decide threw ${describeError(error)}, which did not pass the predicate`,
          actual: error,
        });
      }
      return;
    }
    throw new AssertionError({
      message: `expected decide to throw but it returned ${JSON.stringify(result)}`,
      actual: result,
    });
  }
}

function isErrorClass<E extends Error>(candidate: unknown): candidate is ErrorClass<E> {
  return typeof candidate === 'function' && (candidate === Error || candidate.prototype instanceof Error);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
}
