import { generateWebhookSecret, parseWebhookSecrets } from './webhook-secret';

describe('parseWebhookSecrets', () => {
  it('reads a rotation list from one space- or comma-separated string, newest first', () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];

    expect(parseWebhookSecrets(`${a} ${b}`)).toEqual([a, b]);
    expect(parseWebhookSecrets(` ${a},${b} `)).toEqual([a, b]);
    expect(parseWebhookSecrets([a])).toEqual([a]);
  });

  it('refuses an empty list and secrets not in whsec_ base64 form, without echoing them', () => {
    expect(() => parseWebhookSecrets('  ')).toThrow('at least one webhook secret is required');
    expect(() => parseWebhookSecrets(`${generateWebhookSecret()} hunter2`)).toThrow(/#2 is not of the form/);
    expect(() => parseWebhookSecrets('whsec_c2hvcnQ=')).toThrow(/#1/);
    expect(() => parseWebhookSecrets('whsec_not*base64')).not.toThrow(/not\*base64/);
  });
});
