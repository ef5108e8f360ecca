import { createTestSchema, ServiceProcess, TEST_DATABASE_URL, type TestSchema } from '@switchboard/testing';

export type SimulatorName = 'erp-simulator' | 'clm-simulator';

/**
 * A real simulator (apps/erp-simulator, apps/clm-simulator) run as its own process, since apps
 * never import apps, on a throwaway schema, with its HTTP API as the tests drive it. Logs at
 * `error` unless SIMULATOR_TEST_LOG_LEVEL says otherwise.
 */
export class SimulatorProcess {
  readonly api: string;

  private constructor(
    private readonly child: ServiceProcess,
    private readonly schema: TestSchema,
  ) {
    this.api = child.api;
  }

  static async start(service: SimulatorName): Promise<SimulatorProcess> {
    const schema = await createTestSchema(service);
    try {
      const child = await ServiceProcess.start({
        service,
        // Not this process's environment: the adapter under test set NATS, schema and webhook variables there.
        inheritEnv: false,
        env: {
          SERVICE_NAME: service,
          DATABASE_URL: TEST_DATABASE_URL,
          DB_SCHEMA: schema.schema,
          LOG_LEVEL: process.env['SIMULATOR_TEST_LOG_LEVEL'] ?? 'error',
          WEBHOOK_RETRY_BASE_MS: '200',
          WEBHOOK_RETRY_MAX_MS: '2000',
          WEBHOOK_POLL_MS: '100',
        },
      });
      return new SimulatorProcess(child, schema);
    } catch (error) {
      await schema.drop();
      throw error;
    }
  }

  /** Subscribes a webhook receiver, as an operator would. */
  async subscribe(url: string, secret: string): Promise<void> {
    const res = await fetch(`${this.api}/webhook-subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url, secret }) });
    if (res.status !== 201) throw new Error(`subscribing ${url} failed: ${res.status} ${await res.text()}`);
  }

  async setFaults(faults: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${this.api}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    if (res.status !== 200) throw new Error(`setting faults failed: ${res.status} ${await res.text()}`);
  }

  async clearFaults(): Promise<void> {
    await fetch(`${this.api}/admin/faults`, { method: 'DELETE' });
  }

  /** POSTs JSON and expects `status`; answers the parsed body. */
  async post<T = unknown>(pathAndQuery: string, body: unknown, status = 201): Promise<T> {
    const res = await fetch(`${this.api}${pathAndQuery}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== status) throw new Error(`POST ${pathAndQuery} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  async get<T = unknown>(pathAndQuery: string): Promise<T> {
    const res = await fetch(`${this.api}${pathAndQuery}`);
    if (!res.ok) throw new Error(`GET ${pathAndQuery} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** SIGTERM, waits for the exit, drops the schema. */
  async stop(): Promise<void> {
    await this.child.stop();
    await this.schema.drop();
  }
}
