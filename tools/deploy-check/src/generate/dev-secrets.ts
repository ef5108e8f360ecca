import type { DeployableService } from '../catalogue/service-catalogue';
import { secretKeys } from './k8s-service.manifests';

/**
 * A dev-only value of a shared credential of `secrets:` (k8s/services.yaml): obviously local and
 * derived from its name, so every key naming it (a simulator's WEBHOOK_SECRET, its adapter's
 * ERP_WEBHOOK_SECRETS) gets the same value. Standard Webhooks format, which webhook secrets require.
 */
export function devCredential(credential: string): string {
  return `whsec_${Buffer.from(`dev-only-${credential}-secret`).toString('base64')}`;
}

/** Dev-only values of `<service>-secrets`: obviously local, the same on every laptop and cluster of the dev overlay. */
export function devSecretLiterals(service: DeployableService): string[] {
  const values: Record<string, string> = {
    DATABASE_URL: 'postgres://switchboard:dev-only-password@postgres:5432/switchboard',
    EVENT_STORE_URL: 'esdb://eventstore:2113?tls=false',
    NATS_PASSWORD: `dev-only-nats-${service.name}`,
    ...Object.fromEntries(Object.entries(service.secrets ?? {}).map(([key, credential]) => [key, devCredential(credential)])),
  };
  return secretKeys(service).map((key) => `${key}=${values[key]}`);
}
