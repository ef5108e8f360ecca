import { jetStreamServer } from '@switchboard/messaging';
import { bootstrapService } from '@switchboard/observability';
import { AppModule } from './app.module';
import { CrmConfig } from './config';

void bootstrapService({
  name: 'crm',
  module: AppModule,
  configClass: CrmConfig,
  microservice: jetStreamServer,
  openApi: {
    title: 'Switchboard CRM service',
    version: '1',
    description: 'Customers from prospect to won, their contract records, and the customer 360 view.',
  },
});
