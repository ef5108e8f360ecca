import { bootstrapService } from '@switchboard/observability';
import { AppModule } from './app.module';
import { ClmSimulatorConfig } from './config';

void bootstrapService({
  name: 'clm-simulator',
  module: AppModule,
  configClass: ClmSimulatorConfig,
  openApi: {
    title: 'CLM simulator',
    version: '1',
    description: 'A stand-in contract-management tool: customers, contracts with their signed PDF, signed webhooks, and admin endpoints to draft and sign contracts and inject faults.',
  },
});
