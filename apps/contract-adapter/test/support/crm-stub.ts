import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubCustomer {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/**
 * The CRM's `GET /api/v1/customers/{id}` as the adapter calls it, answering the customers the
 * test adds (404 for others). The CRM is another service, not infrastructure of this one: its
 * real query API is exercised by the CRM's own tests and the end-to-end suite.
 */
export class CrmStub {
  private readonly customers = new Map<string, StubCustomer>();
  readonly requests: string[] = [];
  /** The `Switchboard-Origin` header of the last request for each path. */
  readonly origins = new Map<string, string | undefined>();

  private constructor(private readonly server: Server) {}

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  static async start(): Promise<CrmStub> {
    const server = createServer();
    const stub = new CrmStub(server);
    server.on('request', (request, response) => {
      stub.requests.push(`${request.method} ${request.url}`);
      stub.origins.set(request.url ?? '', request.headers['switchboard-origin'] as string | undefined);
      const match = /^\/api\/v1\/customers\/([^/?]+)$/.exec(request.url ?? '');
      const customer = match && request.method === 'GET' ? stub.customers.get(decodeURIComponent(match[1])) : undefined;
      if (!customer) {
        response.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 404, title: 'Not Found' }));
        return;
      }
      const body = { ...customer, status: 'won', country: 'DE', vatId: null, address: null, externalIds: { erpCustomerNumber: null, clmCustomerId: null } };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return stub;
  }

  add(customer: StubCustomer): void {
    this.customers.set(customer.id, customer);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}
