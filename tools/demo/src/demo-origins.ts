import { DemoFailure } from './demo-failure';

/** The six processes `npm start` runs, how the demo names them, and where it finds them by default. */
export const DEMO_SERVICES = {
  crm: { label: 'the CRM', env: 'CRM_URL', port: 3001 },
  order: { label: 'the order service', env: 'ORDER_URL', port: 3002 },
  'erp-adapter': { label: 'the ERP adapter', env: 'ERP_ADAPTER_URL', port: 3003 },
  'contract-adapter': { label: 'the contract adapter', env: 'CONTRACT_ADAPTER_URL', port: 3004 },
  'erp-simulator': { label: 'the ERP simulator', env: 'ERP_SIMULATOR_URL', port: 3101 },
  'clm-simulator': { label: 'the CLM simulator', env: 'CLM_SIMULATOR_URL', port: 3102 },
} as const;

export type DemoService = keyof typeof DEMO_SERVICES;

/** Each service's origin (scheme, host, port; the demo adds `/api/v1` and `/health/ready`). */
export type DemoOrigins = Readonly<Record<DemoService, string>>;

export const DEMO_SERVICE_NAMES = Object.keys(DEMO_SERVICES) as DemoService[];

/** The local ports of `npm start`, each overridable by its variable, e.g. `ORDER_URL=http://10.0.0.5:3002`. */
export function demoOriginsFrom(env: Readonly<Record<string, string | undefined>>): DemoOrigins {
  const origins = {} as Record<DemoService, string>;
  for (const service of DEMO_SERVICE_NAMES) {
    const { env: variable, port } = DEMO_SERVICES[service];
    const value = env[variable] || `http://127.0.0.1:${port}`;
    if (!URL.canParse(value)) throw new DemoFailure(`${variable} is not a URL: ${value}`);
    origins[service] = value.replace(/\/+$/, '');
  }
  return origins;
}
