import { IsUrl } from 'class-validator';
import { BaseConfig } from './base.config';
import { ServiceConfig } from './service.config';
import { ConfigValidationError, validateConfig } from './validate-config';

const validEnv = {
  SERVICE_NAME: 'order',
  DATABASE_URL: 'postgres://u:p@db:5432/switchboard',
  NATS_URL: 'nats://nats:4222',
};

function problemsOf(run: () => unknown): ConfigValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('validateConfig', () => {
  it('applies defaults, converts numbers and drops unrelated variables', () => {
    const config = validateConfig(ServiceConfig, { ...validEnv, PORT: '8080', PATH: '/usr/bin' });

    expect(config).toBeInstanceOf(ServiceConfig);
    expect(config.PORT).toBe(8080);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(10_000);
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(config).not.toHaveProperty('PATH');
  });

  it('defaults EVENT_STORE_URL to DATABASE_URL and DB_SCHEMA to the service name', () => {
    const config = validateConfig(ServiceConfig, { ...validEnv, SERVICE_NAME: 'erp-adapter' });

    expect(config.EVENT_STORE_URL).toBe(validEnv.DATABASE_URL);
    expect(config.DB_SCHEMA).toBe('erp_adapter');
  });

  it('takes an optional lower-case NATS_NAMESPACE and refuses any other', () => {
    expect(validateConfig(ServiceConfig, validEnv).NATS_NAMESPACE).toBeUndefined();
    expect(validateConfig(ServiceConfig, { ...validEnv, NATS_NAMESPACE: 't1a2b' }).NATS_NAMESPACE).toBe('t1a2b');
    expect(problemsOf(() => validateConfig(ServiceConfig, { ...validEnv, NATS_NAMESPACE: 'T1-A' })).problems.map((p) => p.variable)).toEqual(['NATS_NAMESPACE']);
  });

  it('takes NATS credentials together and refuses a user without a password', () => {
    const config = validateConfig(ServiceConfig, { ...validEnv, NATS_USER: 'order', NATS_PASSWORD: 's3cret' });
    expect([config.NATS_USER, config.NATS_PASSWORD]).toEqual(['order', 's3cret']);
    expect(problemsOf(() => validateConfig(ServiceConfig, { ...validEnv, NATS_USER: 'order' })).problems.map((p) => p.variable)).toEqual(['NATS_PASSWORD']);
  });

  it('declares streams with one replica unless NATS_STREAM_REPLICAS says otherwise (1 to 5)', () => {
    expect(validateConfig(ServiceConfig, validEnv).NATS_STREAM_REPLICAS).toBe(1);
    expect(validateConfig(ServiceConfig, { ...validEnv, NATS_STREAM_REPLICAS: '3' }).NATS_STREAM_REPLICAS).toBe(3);
    expect(problemsOf(() => validateConfig(ServiceConfig, { ...validEnv, NATS_STREAM_REPLICAS: '7' })).problems.map((p) => p.variable)).toEqual(['NATS_STREAM_REPLICAS']);
  });

  it('leaves consumer settings to the handlers unless CONSUMER_* set them, and refuses malformed ones by name', () => {
    const unset = validateConfig(ServiceConfig, validEnv);
    expect([unset.CONSUMER_ACK_WAIT_MS, unset.CONSUMER_MAX_DELIVER, unset.CONSUMER_BACKOFF_MS]).toEqual([undefined, undefined, undefined]);
    const set = validateConfig(ServiceConfig, { ...validEnv, CONSUMER_ACK_WAIT_MS: '5000', CONSUMER_MAX_DELIVER: '3', CONSUMER_BACKOFF_MS: '200, 500,1000' });
    expect([set.CONSUMER_ACK_WAIT_MS, set.CONSUMER_MAX_DELIVER, set.CONSUMER_BACKOFF_MS]).toEqual([5000, 3, [200, 500, 1000]]);
    const malformed = { ...validEnv, CONSUMER_ACK_WAIT_MS: '10', CONSUMER_MAX_DELIVER: '0', CONSUMER_BACKOFF_MS: '200,,x' };
    expect(problemsOf(() => validateConfig(ServiceConfig, malformed)).problems.map((p) => p.variable).sort()).toEqual([
      'CONSUMER_ACK_WAIT_MS',
      'CONSUMER_BACKOFF_MS',
      'CONSUMER_MAX_DELIVER',
    ]);
  });

  it('takes a pending Idempotency-Key over after 30 s unless IDEMPOTENCY_STALE_AFTER_MS says otherwise', () => {
    expect(validateConfig(ServiceConfig, validEnv).IDEMPOTENCY_STALE_AFTER_MS).toBe(30_000);
    expect(validateConfig(ServiceConfig, { ...validEnv, IDEMPOTENCY_STALE_AFTER_MS: '5000' }).IDEMPOTENCY_STALE_AFTER_MS).toBe(5_000);
  });

  it('keeps idle keep-alive connections 65 s unless HTTP_KEEP_ALIVE_TIMEOUT_MS says otherwise, and refuses less than 1 s by name', () => {
    expect(validateConfig(ServiceConfig, validEnv).HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(65_000);
    expect(validateConfig(ServiceConfig, { ...validEnv, HTTP_KEEP_ALIVE_TIMEOUT_MS: '120000' }).HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(120_000);
    expect(problemsOf(() => validateConfig(ServiceConfig, { ...validEnv, HTTP_KEEP_ALIVE_TIMEOUT_MS: '500' })).message).toContain('HTTP_KEEP_ALIVE_TIMEOUT_MS must be at least 1000 ms');
  });

  it('accepts an esdb:// event store next to the PostgreSQL database', () => {
    const config = validateConfig(ServiceConfig, { ...validEnv, EVENT_STORE_URL: 'esdb://es:2113?tls=false' });

    expect(config.EVENT_STORE_URL).toBe('esdb://es:2113?tls=false');
  });

  it('names every missing variable at once, with what was expected', () => {
    const error = problemsOf(() => validateConfig(ServiceConfig, { SERVICE_NAME: 'order' }));

    expect(error.problems.map((p) => [p.variable, p.problem])).toEqual(
      expect.arrayContaining([
        ['DATABASE_URL', 'missing'],
        ['NATS_URL', 'missing'],
      ]),
    );
    expect(error.message).toContain('DATABASE_URL is not set: DATABASE_URL must be a postgres:// or postgresql:// connection URL');
    expect(error.message).toContain('NATS_URL is not set: NATS_URL must be a nats:// URL');
  });

  it('names malformed variables without echoing their values', () => {
    const error = problemsOf(() =>
      validateConfig(ServiceConfig, {
        ...validEnv,
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        EVENT_STORE_URL: 'mysql://secret-password@db',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url',
      }),
    );

    expect(error.problems.map((p) => p.variable).sort()).toEqual(['EVENT_STORE_URL', 'LOG_LEVEL', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'PORT']);
    expect(error.problems.every((p) => p.problem === 'invalid')).toBe(true);
    expect(error.message).toContain('PORT is invalid: PORT must be an integer port number from 0 to 65535\n');
    expect(error.message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
    expect(error.message).not.toContain('secret-password');
  });

  it('treats an empty variable as unset', () => {
    const error = problemsOf(() => validateConfig(ServiceConfig, { ...validEnv, NATS_URL: '' }));

    expect(error.problems).toEqual([expect.objectContaining({ variable: 'NATS_URL', problem: 'missing' })]);
  });

  it('validates the fields a service adds by extending the base config', () => {
    class SimulatorConfig extends BaseConfig {
      @IsUrl({ require_tld: false }, { message: '$property must be the URL webhooks are sent to' })
      WEBHOOK_TARGET_URL!: string;
    }

    expect(validateConfig(SimulatorConfig, { SERVICE_NAME: 'erp-simulator', WEBHOOK_TARGET_URL: 'http://erp-adapter:3000/hooks' }).WEBHOOK_TARGET_URL).toBe(
      'http://erp-adapter:3000/hooks',
    );
    expect(problemsOf(() => validateConfig(SimulatorConfig, { SERVICE_NAME: 'erp-simulator' })).message).toContain(
      'WEBHOOK_TARGET_URL is not set: WEBHOOK_TARGET_URL must be the URL webhooks are sent to',
    );
  });
});
