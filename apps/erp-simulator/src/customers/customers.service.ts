import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { CreateCustomerRequest } from './create-customer.request.dto';
import type { CustomerConditionsRequest } from './customer-conditions.request.dto';
import { CustomerNotFound } from './customer-not-found.error';
import { ErpCustomer, type CustomerConditions } from './erp-customer.entity';

@Injectable()
export class CustomersService {
  constructor(@InjectRepository(ErpCustomer) private readonly customers: Repository<ErpCustomer>) {}

  /**
   * Creates a customer with the next number. With an Idempotency-Key the key is stored on the
   * row, so a retry that the idempotency store cannot answer (the process died before it stored
   * the answer) finds the customer instead of creating a second one.
   */
  async create(request: CreateCustomerRequest, idempotencyKey: string | undefined): Promise<ErpCustomer> {
    const customer = {
      externalRef: request.externalRef,
      name: request.name,
      email: request.email,
      country: request.country,
      vatId: request.vatId ?? null,
      address: request.address ?? null,
      conditions: null,
      idempotencyKey: idempotencyKey ?? null,
    };
    const [created]: { customer_number: string; created_at: Date }[] = await this.customers.query(
      `INSERT INTO customers (customer_number, external_ref, name, email, country, vat_id, address, idempotency_key)
       VALUES ('C-' || nextval('customer_numbers'), $1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING customer_number, created_at`,
      [customer.externalRef, customer.name, customer.email, customer.country, customer.vatId, customer.address ? JSON.stringify(customer.address) : null, customer.idempotencyKey],
    );
    if (created) return { ...customer, customerNumber: created.customer_number, createdAt: created.created_at };
    if (idempotencyKey === undefined) throw new Error('creating a customer without an Idempotency-Key inserted nothing');
    return this.customers.findOneByOrFail({ idempotencyKey });
  }

  async get(customerNumber: string): Promise<ErpCustomer> {
    const customer = await this.customers.findOneBy({ customerNumber });
    if (!customer) throw new CustomerNotFound(customerNumber);
    return customer;
  }

  /** Every customer with this external reference (a healthy integration has at most one). */
  findByExternalRef(externalRef: string): Promise<ErpCustomer[]> {
    return this.customers.find({ where: { externalRef }, order: { createdAt: 'ASC' } });
  }

  async setConditions(customerNumber: string, request: CustomerConditionsRequest): Promise<CustomerConditions> {
    const customer = await this.get(customerNumber);
    const conditions: CustomerConditions = {
      contractId: request.contractId,
      paymentTerms: request.paymentTerms,
      discountPercent: request.discountPercent,
      validFrom: request.validFrom,
      validTo: request.validTo ?? null,
    };
    await this.customers.update({ customerNumber: customer.customerNumber }, { conditions });
    return conditions;
  }
}
