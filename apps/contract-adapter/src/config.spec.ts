import { validateConfig } from '@switchboard/observability';
import { generateWebhookSecret } from '@switchboard/webhooks';
import { ContractAdapterConfig } from './config';

const base = {
  SERVICE_NAME: 'contract-adapter',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/switchboard',
  NATS_URL: 'nats://127.0.0.1:4222',
  CLM_WEBHOOK_SECRETS: generateWebhookSecret(),
};

describe('ContractAdapterConfig', () => {
  it('listens on 3004 and links downloads to itself unless told otherwise', () => {
    const config = validateConfig(ContractAdapterConfig, base);
    expect(config).toMatchObject({ PORT: 3004, DB_SCHEMA: 'contract_adapter', CLM_BASE_URL: 'http://127.0.0.1:3102', CRM_BASE_URL: 'http://127.0.0.1:3001' });
    expect(config.PUBLIC_BASE_URL).toBe('http://127.0.0.1:3004');
    expect(validateConfig(ContractAdapterConfig, { ...base, PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://127.0.0.1:8080');
  });

  it('accepts two webhook secrets during a rotation', () => {
    const secrets = `${generateWebhookSecret()} ${generateWebhookSecret()}`;
    expect(validateConfig(ContractAdapterConfig, { ...base, CLM_WEBHOOK_SECRETS: secrets }).CLM_WEBHOOK_SECRETS).toBe(secrets);
  });

  it.each([
    ['CLM_WEBHOOK_SECRETS', undefined],
    ['CLM_WEBHOOK_SECRETS', 'plain-password'],
    ['CLM_BASE_URL', 'clm:3102'],
    ['PUBLIC_BASE_URL', 'ftp://files.example.com'],
    ['CALLOUT_MAX_ELAPSED_MS', '0'],
    ['CALLOUT_BREAKER_OPEN_MS', '0'],
  ])('refuses %s = %s', (name, value) => {
    expect(() => validateConfig(ContractAdapterConfig, { ...base, [name]: value })).toThrow(name);
  });
});
