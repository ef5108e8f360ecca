// The raw baseline of the flow bench: JetStream publish → pull-consume latency, nothing of ours in between.
import { AckPolicy, StorageType, type NatsConnection } from 'nats';
import { performance } from 'node:perf_hooks';
import { openLoop } from './open-loop';

export interface JetStreamLatency {
  /** Publish (its scheduled time) → consumed, in ms, sorted ascending. */
  readonly latenciesMs: number[];
  readonly published: number;
  readonly errors: number;
}

/** About the size of an integration event on the wire. */
const PADDING = 'x'.repeat(800);
const CONSUME_TIMEOUT_MS = 10_000;

/**
 * Publishes with `js.publish` at `rate` per second for `seconds` (open loop) to a throwaway file
 * stream in `namespace` (deleted afterwards), and consumes with a durable pull consumer's
 * `consume()`, acking each message, as the services' consumers do.
 */
export async function measureJetStreamLatency(nc: NatsConnection, namespace: string, rate: number, seconds: number): Promise<JetStreamLatency> {
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const stream = `${namespace.toUpperCase()}_BENCH_RAW`;
  const subject = `${namespace}.bench.raw`;
  await jsm.streams.add({ name: stream, subjects: [subject], storage: StorageType.File });
  try {
    await jsm.consumers.add(stream, { durable_name: 'bench-raw', ack_policy: AckPolicy.Explicit });
    const messages = await (await js.consumers.get(stream, 'bench-raw')).consume({ max_messages: 32 });
    const count = Math.round(rate * seconds);
    const scheduled = new Array<number>(count);
    const latenciesMs: number[] = [];
    const consumed = (async () => {
      for await (const msg of messages) {
        latenciesMs.push(performance.now() - scheduled[(msg.json() as { i: number }).i]);
        msg.ack();
        // Ends the iteration once the pull requests in flight are done.
        if (latenciesMs.length === count) messages.stop();
      }
    })();
    const { results } = await openLoop(rate, seconds, (i, scheduledAt) => {
      scheduled[i] = scheduledAt;
      return js.publish(subject, JSON.stringify({ i, padding: PADDING })).then(
        () => true,
        () => false,
      );
    });
    const errors = results.filter((ok) => !ok).length;
    const timeout = setTimeout(() => messages.stop(), CONSUME_TIMEOUT_MS);
    await consumed;
    clearTimeout(timeout);
    return { latenciesMs: latenciesMs.sort((a, b) => a - b), published: count, errors: errors + (count - errors - latenciesMs.length) };
  } finally {
    await jsm.streams.delete(stream);
  }
}
