import type { INestApplicationContext } from '@nestjs/common';
import { JetStreamConnection } from '../connection/jetstream-connection';
import { JetStreamServer } from '../transport/jetstream.server';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options';

/**
 * The JetStream transport for `bootstrapService({ microservice: jetStreamServer })` (or
 * `app.connectMicroservice({ strategy: jetStreamServer(app) })`): it consumes on the
 * MessagingModule's connection (left open when the transport closes) and provisions no streams
 * (the module did at start).
 */
export function jetStreamServer(app: INestApplicationContext): JetStreamServer {
  const options = app.get<MessagingModuleOptions>(MESSAGING_OPTIONS);
  return new JetStreamServer({
    ...options.transport,
    service: options.service,
    connection: app.get(JetStreamConnection),
    streams: false,
  });
}
