import { jetStreamServer } from '@switchboard/messaging';
import { bootstrapService } from '@switchboard/observability';
import { AppModule } from './app.module';
import { ErpAdapterConfig } from './config';

void bootstrapService({
  name: 'erp-adapter',
  module: AppModule,
  configClass: ErpAdapterConfig,
  microservice: jetStreamServer,
  openApi: {
    title: 'Switchboard ERP adapter',
    version: '1',
    description: 'Syncs won customers, their contract conditions and orders to the ERP; takes the ERP’s order changes by webhook (POST /webhooks/erp) or by polling.',
  },
});
