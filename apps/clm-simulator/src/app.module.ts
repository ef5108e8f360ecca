import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ObservabilityModule, postgresCheck, readinessCheck } from '@switchboard/observability';
import { readModelDataSourceOptions } from '@switchboard/projections';
import { SimulatorKitModule, simulatorKitEntities } from '@switchboard/simulator-kit';
import { DataSource } from 'typeorm';
import { ClmSimulatorConfig } from './config';
import { Contract } from './contracts/contract.entity';
import { ContractsAdminHttpController } from './contracts/contracts.admin.http.controller';
import { ContractsHttpController } from './contracts/contracts.http.controller';
import { ContractsService } from './contracts/contracts.service';
import { ClmCustomer } from './customers/clm-customer.entity';
import { ClmCustomersHttpController } from './customers/clm-customers.http.controller';
import { ClmCustomersService } from './customers/clm-customers.service';

const ENTITIES = [ClmCustomer, Contract];
const HTTP_CONTROLLERS = [ClmCustomersHttpController, ContractsHttpController, ContractsAdminHttpController];
const SERVICES = [ClmCustomersService, ContractsService];

@Module({
  imports: [
    ObservabilityModule.forRoot({ config: ClmSimulatorConfig }),
    TypeOrmModule.forRootAsync({
      inject: [ClmSimulatorConfig],
      useFactory: (c: ClmSimulatorConfig) =>
        readModelDataSourceOptions({
          url: c.DATABASE_URL,
          schema: c.DB_SCHEMA,
          entities: [...ENTITIES, ...simulatorKitEntities],
        }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
    SimulatorKitModule.forRoot({ resetTables: ['contracts', 'clm_customers'] }),
  ],
  controllers: HTTP_CONTROLLERS,
  providers: [
    ...SERVICES,
    readinessCheck('postgres', [DataSource], (dataSource: DataSource) => postgresCheck(dataSource)),
  ],
})
export class AppModule {}
