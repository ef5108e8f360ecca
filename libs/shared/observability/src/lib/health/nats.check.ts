import type { NatsConnection } from 'nats';
import type { CheckResult, ReadinessCheck } from './readiness-check';

type NatsStatus = Pick<NatsConnection, 'isClosed' | 'isDraining' | 'rtt' | 'getServer'>;

/**
 * Up when the connection is open and answers a ping (rtt() fails while disconnected). Pass a
 * getter when the connection is created after this check is (undefined: not connected yet).
 */
export function natsCheck(connection: NatsStatus | (() => NatsStatus | undefined)): ReadinessCheck {
  return async (): Promise<CheckResult> => {
    const nc = typeof connection === 'function' ? connection() : connection;
    if (!nc) return { status: 'down', message: 'not connected yet' };
    if (nc.isClosed()) return { status: 'down', message: 'connection closed' };
    if (nc.isDraining()) return { status: 'down', message: 'connection draining' };
    return { status: 'up', server: nc.getServer(), rttMs: await nc.rtt() };
  };
}
