import { ConfigValidationError, validateConfig } from '@switchboard/observability';
import { SimulatorConfig } from './simulator.config';

const env = { SERVICE_NAME: 'erp-simulator', DATABASE_URL: 'postgres://u:p@db:5432/switchboard' };
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function variablesWrongIn(values: Record<string, string>): string[] {
  try {
    validateConfig(SimulatorConfig, values);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('SimulatorConfig', () => {
  it('defaults the schema to the service name and configures no webhook receiver', () => {
    const config = validateConfig(SimulatorConfig, env);

    expect(config.DB_SCHEMA).toBe('erp_simulator');
    expect(config.webhookUrls()).toEqual([]);
    expect(config.WEBHOOK_MAX_ATTEMPTS).toBe(10);
  });

  it('takes several receivers with the secret that signs for them', () => {
    const config = validateConfig(SimulatorConfig, { ...env, WEBHOOK_URLS: 'http://a:3003/webhooks/erp,https://b.example/hook', WEBHOOK_SECRET: secret });

    expect(config.webhookUrls()).toEqual(['http://a:3003/webhooks/erp', 'https://b.example/hook']);
    expect(config.webhookEventTypes()).toBeNull();
  });

  it('sends the configured receivers the listed webhook types only, and refuses a malformed list', () => {
    const config = validateConfig(SimulatorConfig, { ...env, WEBHOOK_URLS: 'http://a/hook', WEBHOOK_SECRET: secret, WEBHOOK_EVENT_TYPES: 'sales-order.updated,sales-order.cancelled' });

    expect(config.webhookEventTypes()).toEqual(['sales-order.updated', 'sales-order.cancelled']);
    expect(variablesWrongIn({ ...env, WEBHOOK_EVENT_TYPES: 'sales-order.updated,,x' })).toEqual(['WEBHOOK_EVENT_TYPES']);
    expect(variablesWrongIn({ ...env, WEBHOOK_EVENT_TYPES: 'sales order' })).toEqual(['WEBHOOK_EVENT_TYPES']);
  });

  it('refuses receivers without a secret, a malformed secret and a non-http receiver', () => {
    expect(variablesWrongIn({ ...env, WEBHOOK_URLS: 'http://a:3003/webhooks/erp' })).toEqual(['WEBHOOK_SECRET']);
    expect(variablesWrongIn({ ...env, WEBHOOK_URLS: 'http://a/hook', WEBHOOK_SECRET: 'plain' })).toEqual(['WEBHOOK_SECRET']);
    expect(variablesWrongIn({ ...env, WEBHOOK_URLS: 'ftp://a/hook', WEBHOOK_SECRET: secret })).toEqual(['WEBHOOK_URLS']);
  });
});
