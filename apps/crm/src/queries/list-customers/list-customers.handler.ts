import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CustomerListItem } from '../../projections/customer-list/customer-list-item.entity';
import { customerCursor } from './customer-cursor';
import type { CustomerPage } from './customer-page.response';
import { ListCustomersQuery } from './list-customers.query';

/** Keyset pagination over (registered_at DESC, customer_id DESC): stable while customers are added, no OFFSET scans. */
@QueryHandler(ListCustomersQuery)
export class ListCustomersHandler implements IQueryHandler<ListCustomersQuery, CustomerPage> {
  constructor(@InjectRepository(CustomerListItem) private readonly customers: Repository<CustomerListItem>) {}

  async execute({ filter, limit, after }: ListCustomersQuery): Promise<CustomerPage> {
    const query = this.customers.createQueryBuilder('c');
    if (filter.status !== undefined) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.q !== undefined) query.andWhere(`c.search_text LIKE :pattern ESCAPE '\\'`, { pattern: `%${escapeLike(filter.q.toLowerCase())}%` });
    if (after) query.andWhere('(c.registered_at, c.customer_id) < (:registeredAt, :customerId)', after);
    const rows = await query.orderBy('c.registered_at', 'DESC').addOrderBy('c.customer_id', 'DESC').limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.customerId,
        status: row.status,
        name: row.name,
        email: row.email,
        country: row.country,
        registeredAt: row.registeredAt.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? customerCursor.encode({ registeredAt: last.registeredAt.toISOString(), customerId: last.customerId }) : null,
    };
  }
}

/** `q` is text, not a pattern: its % and _ match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
