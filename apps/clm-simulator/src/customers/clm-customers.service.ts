import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ClmCustomerNotFound } from './clm-customer-not-found.error';
import { ClmCustomer } from './clm-customer.entity';
import type { CreateClmCustomerRequest } from './create-clm-customer.request.dto';

@Injectable()
export class ClmCustomersService {
  constructor(@InjectRepository(ClmCustomer) private readonly customers: Repository<ClmCustomer>) {}

  /** Creates a customer; with an Idempotency-Key a retry whose stored answer was lost finds it instead of creating a twin. */
  async create(request: CreateClmCustomerRequest, idempotencyKey: string | undefined): Promise<ClmCustomer> {
    const rows: { clm_customer_id: string }[] = await this.customers.query(
      `INSERT INTO clm_customers (clm_customer_id, external_ref, name, email, idempotency_key)
       VALUES ('CC-' || nextval('clm_customer_ids'), $1, $2, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING clm_customer_id`,
      [request.externalRef, request.name, request.email, idempotencyKey ?? null],
    );
    return this.customers.findOneByOrFail(rows[0] ? { clmCustomerId: rows[0].clm_customer_id } : { idempotencyKey });
  }

  async get(clmCustomerId: string): Promise<ClmCustomer> {
    const customer = await this.customers.findOneBy({ clmCustomerId });
    if (!customer) throw new ClmCustomerNotFound(clmCustomerId);
    return customer;
  }

  findByExternalRef(externalRef: string): Promise<ClmCustomer[]> {
    return this.customers.find({ where: { externalRef }, order: { createdAt: 'ASC' } });
  }
}
