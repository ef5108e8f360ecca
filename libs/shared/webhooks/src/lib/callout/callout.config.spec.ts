import { ConfigValidationError, validateConfig } from '@switchboard/observability';
import { CalloutServiceConfig } from './callout.config';

class AdapterConfig extends CalloutServiceConfig {}

const env = {
  SERVICE_NAME: 'some-adapter',
  DATABASE_URL: 'postgres://u:p@db:5432/switchboard',
  NATS_URL: 'nats://nats:4222',
};

function rejection(variables: Record<string, string>): ConfigValidationError {
  try {
    validateConfig(AdapterConfig, { ...env, ...variables });
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('CalloutServiceConfig', () => {
  it('gives callouts 5 s per attempt, 4 attempts within 15 s, and a circuit that opens after 5 failures for 10 s', () => {
    expect(validateConfig(AdapterConfig, env)).toMatchObject({
      CALLOUT_TIMEOUT_MS: 5_000,
      CALLOUT_MAX_ATTEMPTS: 4,
      CALLOUT_MAX_ELAPSED_MS: 15_000,
      CALLOUT_BREAKER_FAILURES: 5,
      CALLOUT_BREAKER_OPEN_MS: 10_000,
    });
  });

  it('reads every callout setting from the environment', () => {
    const config = validateConfig(AdapterConfig, {
      ...env,
      CALLOUT_TIMEOUT_MS: '2000',
      CALLOUT_MAX_ATTEMPTS: '3',
      CALLOUT_MAX_ELAPSED_MS: '1500',
      CALLOUT_BREAKER_FAILURES: '2',
      CALLOUT_BREAKER_OPEN_MS: '250',
    });

    expect(config).toMatchObject({
      CALLOUT_TIMEOUT_MS: 2_000,
      CALLOUT_MAX_ATTEMPTS: 3,
      CALLOUT_MAX_ELAPSED_MS: 1_500,
      CALLOUT_BREAKER_FAILURES: 2,
      CALLOUT_BREAKER_OPEN_MS: 250,
    });
  });

  it.each([
    ['CALLOUT_TIMEOUT_MS', '0', 'CALLOUT_TIMEOUT_MS must be a positive integer number of milliseconds'],
    ['CALLOUT_TIMEOUT_MS', 'soon', 'CALLOUT_TIMEOUT_MS must be a positive integer number of milliseconds'],
    ['CALLOUT_MAX_ATTEMPTS', '0', 'CALLOUT_MAX_ATTEMPTS must be an integer from 1 to 20'],
    ['CALLOUT_MAX_ATTEMPTS', '21', 'CALLOUT_MAX_ATTEMPTS must be an integer from 1 to 20'],
    [
      'CALLOUT_MAX_ELAPSED_MS',
      '1.5',
      'CALLOUT_MAX_ELAPSED_MS must be a positive integer number of milliseconds',
    ],
    ['CALLOUT_MAX_ELAPSED_MS', '600001', 'CALLOUT_MAX_ELAPSED_MS must be at most 600000 ms'],
    ['CALLOUT_BREAKER_FAILURES', '0', 'CALLOUT_BREAKER_FAILURES must be an integer of at least 1'],
    [
      'CALLOUT_BREAKER_OPEN_MS',
      '-10',
      'CALLOUT_BREAKER_OPEN_MS must be a positive integer number of milliseconds',
    ],
    [
      'CALLOUT_BREAKER_OPEN_MS',
      '10s',
      'CALLOUT_BREAKER_OPEN_MS must be a positive integer number of milliseconds',
    ],
  ])('refuses %s=%s and says what it must be', (variable, value, expected) => {
    const error = rejection({ [variable]: value });

    expect(error.problems).toEqual([expect.objectContaining({ variable, problem: 'invalid' })]);
    expect(error.message).toContain(`${variable} is invalid: `);
    expect(error.message).toContain(expected);
  });
});
