import { getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram } from '@switchboard/observability';
import type { Registry } from 'prom-client';
import type { CircuitState } from './circuit-breaker';

/** How a call ended: the `outcome` label. */
export type CalloutOutcome = 'success' | 'rejected' | 'failed' | 'circuit_open';

const CIRCUIT_STATE_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** The callout metrics, on the process registry unless one is given (tests). */
export class CalloutMetrics {
  private readonly duration;
  private readonly attempts;
  private readonly circuit;

  constructor(registry?: Registry) {
    this.duration = getOrCreateHistogram(
      {
        name: 'callout_duration_seconds',
        help: 'Duration of outbound calls, retries and waits included, by target, endpoint and outcome',
        labelNames: ['target', 'endpoint', 'outcome'],
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      },
      registry,
    );
    this.attempts = getOrCreateCounter(
      { name: 'callout_attempts_total', help: 'Outbound HTTP attempts by target, endpoint and result (status class, timeout, network)', labelNames: ['target', 'endpoint', 'result'] },
      registry,
    );
    this.circuit = getOrCreateGauge(
      { name: 'callout_circuit_state', help: 'Circuit state per endpoint: 0 closed, 1 half-open, 2 open', labelNames: ['target', 'endpoint'] },
      registry,
    );
  }

  call(target: string, endpoint: string, outcome: CalloutOutcome, seconds: number): void {
    this.duration.observe({ target, endpoint, outcome }, seconds);
  }

  attempt(target: string, endpoint: string, result: string): void {
    this.attempts.inc({ target, endpoint, result });
  }

  circuitState(target: string, endpoint: string, state: CircuitState): void {
    this.circuit.set({ target, endpoint }, CIRCUIT_STATE_VALUE[state]);
  }
}
