import { bootstrapService } from '@switchboard/observability';
import { AppModule } from './app.module';
import { ErpSimulatorConfig } from './config';

void bootstrapService({
  name: 'erp-simulator',
  module: AppModule,
  configClass: ErpSimulatorConfig,
  openApi: {
    title: 'ERP simulator',
    version: '1',
    description: 'A stand-in ERP: customers, contract conditions, sales orders with a changes feed and signed webhooks, and admin endpoints to drive scenarios and inject faults.',
  },
});
