import { DemoFailure } from './demo-failure';

export interface PollOptions {
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

/**
 * Calls `probe` until it returns a value. Unlike a test's waitFor, what it throws is not retried:
 * an unexpected answer or an unreachable service ends the demo at once, with its own message.
 */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  what: string | (() => string),
  { timeoutMs, intervalMs }: PollOptions,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) {
      throw new DemoFailure(
        `timed out after ${timeoutMs} ms waiting until ${typeof what === 'string' ? what : what()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
