import { CircuitBreaker, type CircuitState } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let now = 0;
  let transitions: CircuitState[];
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1_000 }, (state) => transitions.push(state), () => now);

  beforeEach(() => {
    now = 0;
    transitions = [];
  });

  it('opens after the threshold of consecutive failures and then refuses calls until the cool-down ends', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) {
      expect(circuit.permit().allowed).toBe(true);
      circuit.failed();
    }

    expect(circuit.state).toBe('open');
    now = 400;
    expect(circuit.permit()).toEqual({ allowed: false, retryInMs: 600 });
  });

  it('counts only consecutive failures: a success in between starts the count again', () => {
    const circuit = breaker();
    circuit.failed();
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    circuit.failed();

    expect(circuit.state).toBe('closed');
  });

  it('lets exactly one trial through after the cool-down and closes when it succeeds', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now = 1_000;

    expect(circuit.permit().allowed).toBe(true);
    expect(circuit.state).toBe('half-open');
    expect(circuit.permit().allowed).toBe(false);
    circuit.succeeded();
    expect(circuit.state).toBe('closed');
    expect(transitions).toEqual(['open', 'half-open', 'closed']);
  });

  it('opens again for a whole cool-down when the trial fails', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now = 1_500;
    circuit.permit();
    circuit.failed();

    expect(circuit.state).toBe('open');
    now = 2_400;
    expect(circuit.permit()).toEqual({ allowed: false, retryInMs: 100 });
  });
});
