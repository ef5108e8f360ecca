import { jetStreamServer } from '@switchboard/messaging';
import { bootstrapService } from '@switchboard/observability';
import { AppModule } from './app.module';
import { OrderConfig } from './config';

void bootstrapService({
  name: 'order',
  module: AppModule,
  configClass: OrderConfig,
  microservice: jetStreamServer,
  openApi: { title: 'Switchboard order service', version: '1', description: 'Orders: place, cancel, and follow them through the ERP.' },
});
