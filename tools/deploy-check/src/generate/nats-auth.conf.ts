import { deadLetterSubject } from '@switchboard/contracts';
import type { DeployableService } from '../catalogue/service-catalogue';

/**
 * JetStream API calls a service never needs (provisioning creates and updates, consumers pull and
 * ack): denied, so a compromised service cannot wipe another context's stream.
 */
export const DENIED_JETSTREAM_API = ['$JS.API.STREAM.DELETE.>', '$JS.API.STREAM.PURGE.>', '$JS.API.STREAM.MSG.DELETE.>'];

/** Environment variable of the NATS pods holding a service's password (from the `nats-users` Secret). */
export function natsPasswordVariable(service: string): string {
  return `NATS_PASSWORD_${service.toUpperCase().replace(/-/g, '_')}`;
}

export const NATS_ADMIN_PASSWORD_VARIABLE = 'NATS_ADMIN_PASSWORD';

/** What one service may publish and subscribe to. */
export function natsPermissions(service: DeployableService): { publish: { allow: string[]; deny: string[] }; subscribe: { allow: string[] } } {
  return {
    publish: {
      // Its own context's events, its dead letters, the JetStream API (stream/consumer
      // provisioning, pull requests) and acks of the messages it consumes.
      allow: [`${service.publishes}.>`, deadLetterSubject(service.name), '$JS.API.>', '$JS.ACK.>'],
      deny: DENIED_JETSTREAM_API,
    },
    // Pull consumers deliver to the requester's inbox; publish acks and API replies come there too.
    subscribe: { allow: ['_INBOX.>'] },
  };
}

const quoted = (subjects: string[]) => subjects.map((s) => JSON.stringify(s)).join(', ');

/** The `authorization` block of nats.conf: one user per service plus an operator `admin`. */
export function natsAuthConf(services: readonly DeployableService[]): string {
  const users = services
    .filter((service) => service.kind === 'service')
    .map((service) => {
      const { publish, subscribe } = natsPermissions(service);
      return [
        `    {`,
        `      user: ${JSON.stringify(service.name)}`,
        `      password: $${natsPasswordVariable(service.name)}`,
        `      permissions: {`,
        `        publish: { allow: [${quoted(publish.allow)}], deny: [${quoted(publish.deny)}] }`,
        `        subscribe: { allow: [${quoted(subscribe.allow)}] }`,
        `      }`,
        `    }`,
      ].join('\n');
    });
  return [
    '# GENERATED from k8s/services.yaml by `npx nx run deploy-check:generate`: do not edit.',
    '# One NATS user per service (password from the nats-users Secret, via the environment),',
    '# publishing only its own context and its dead letters; `admin` is for operators (DLQ replay).',
    'authorization {',
    '  users: [',
    '    {',
    '      user: "admin"',
    `      password: $${NATS_ADMIN_PASSWORD_VARIABLE}`,
    '      permissions: { publish: { allow: [">"] }, subscribe: { allow: [">"] } }',
    '    }',
    ...users,
    '  ]',
    '}',
    '',
  ].join('\n');
}
