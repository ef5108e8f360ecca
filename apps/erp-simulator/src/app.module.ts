import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ObservabilityModule, postgresCheck, readinessCheck } from '@switchboard/observability';
import { readModelDataSourceOptions } from '@switchboard/projections';
import { SimulatorKitModule, simulatorKitEntities } from '@switchboard/simulator-kit';
import { DataSource } from 'typeorm';
import { ErpSimulatorConfig } from './config';
import { CustomersHttpController } from './customers/customers.http.controller';
import { CustomersService } from './customers/customers.service';
import { ErpCustomer } from './customers/erp-customer.entity';
import { SalesOrderChangesHttpController } from './sales-orders/sales-order-changes.http.controller';
import { SalesOrder } from './sales-orders/sales-order.entity';
import { SalesOrdersAdminHttpController } from './sales-orders/sales-orders.admin.http.controller';
import { SalesOrdersHttpController } from './sales-orders/sales-orders.http.controller';
import { SalesOrdersService } from './sales-orders/sales-orders.service';

const ENTITIES = [ErpCustomer, SalesOrder];
// The changes feed first: its static path must win over `sales-orders/:id`.
const HTTP_CONTROLLERS = [
  CustomersHttpController,
  SalesOrderChangesHttpController,
  SalesOrdersHttpController,
  SalesOrdersAdminHttpController,
];
const SERVICES = [CustomersService, SalesOrdersService];

@Module({
  imports: [
    ObservabilityModule.forRoot({ config: ErpSimulatorConfig }),
    TypeOrmModule.forRootAsync({
      inject: [ErpSimulatorConfig],
      useFactory: (c: ErpSimulatorConfig) =>
        readModelDataSourceOptions({
          url: c.DATABASE_URL,
          schema: c.DB_SCHEMA,
          entities: [...ENTITIES, ...simulatorKitEntities],
        }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
    SimulatorKitModule.forRoot({ resetTables: ['sales_order_changes', 'sales_orders', 'customers'] }),
  ],
  controllers: HTTP_CONTROLLERS,
  providers: [
    ...SERVICES,
    readinessCheck('postgres', [DataSource], (dataSource: DataSource) => postgresCheck(dataSource)),
  ],
})
export class AppModule {}
