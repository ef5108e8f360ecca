import { jetStreamServer } from '@switchboard/messaging';
import { bootstrapService } from '@switchboard/observability';
import { AppModule } from './app.module';
import { ContractAdapterConfig } from './config';

void bootstrapService({
  name: 'contract-adapter',
  module: AppModule,
  configClass: ContractAdapterConfig,
  microservice: jetStreamServer,
  openApi: {
    title: 'Switchboard contract adapter',
    version: '1',
    description: 'Links Switchboard to the contract-management tool (CLM): CLM customers for won customers, contracts as the CLM reports them, and their signed copies.',
  },
});
