import { randomBytes } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A new Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The secrets of one touchpoint from configuration: a list, or one string with the secrets
 * separated by spaces or commas (`WEBHOOK_SECRETS="whsec_new whsec_old"` during a rotation).
 * Each must be `whsec_<base64>` of at least 16 bytes; the error names the position, never the value.
 */
export function parseWebhookSecrets(value: string | readonly string[]): string[] {
  const secrets = (typeof value === 'string' ? value.split(/[\s,]+/) : [...value]).map((s) => s.trim()).filter((s) => s.length > 0);
  if (secrets.length === 0) throw new Error('at least one webhook secret is required');
  secrets.forEach((secret, index) => {
    const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : '';
    if (!BASE64.test(encoded) || Buffer.from(encoded, 'base64').length < 16) {
      throw new Error(`webhook secret #${index + 1} is not of the form whsec_<base64 of at least 16 bytes>`);
    }
  });
  return secrets;
}
