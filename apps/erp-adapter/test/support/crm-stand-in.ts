import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CrmCustomer {
  readonly name: string;
  readonly email: string;
  readonly country: string;
}

/**
 * The CRM's `GET /api/v1/customers/{id}` for the adapter's callout, on 127.0.0.1: the customers
 * the test registers, 404 for others. (The CRM itself is exercised in e2e/lead-to-cash.)
 */
export class CrmStandIn {
  private constructor(
    private readonly server: Server,
    readonly api: string,
    readonly customers: Map<string, CrmCustomer>,
    /** The `Switchboard-Origin` header of the last request for each customer id. */
    readonly origins: Map<string, string | undefined>,
  ) {}

  static async start(): Promise<CrmStandIn> {
    const customers = new Map<string, CrmCustomer>();
    const origins = new Map<string, string | undefined>();
    const server = createServer((req, res) => {
      const id = decodeURIComponent(/^\/api\/v1\/customers\/([^/?]+)$/.exec(req.url ?? '')?.[1] ?? '');
      origins.set(id, req.headers['switchboard-origin'] as string | undefined);
      const customer = customers.get(id);
      res.setHeader('content-type', customer ? 'application/json' : 'application/problem+json');
      res.statusCode = customer ? 200 : 404;
      res.end(JSON.stringify(customer ? { id, status: 'won', vatId: null, address: null, ...customer } : { title: 'Not Found', status: 404 }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new CrmStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, customers, origins);
  }

  async close(): Promise<void> {
    this.server.close();
    this.server.closeAllConnections();
    await once(this.server, 'close');
  }
}
