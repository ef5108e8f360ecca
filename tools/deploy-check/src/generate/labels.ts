/** Labels every Switchboard object carries; the NetworkPolicies select pods by them. */
export const PART_OF = { 'app.kubernetes.io/part-of': 'switchboard' } as const;

/** Pods of event-sourced services: they may reach NATS and EventStoreDB. */
export const INFRA_CLIENT = { 'switchboard.io/infra-client': 'true' } as const;

/** Pods that keep state in PostgreSQL (services and simulators): they may reach it. */
export const DATABASE_CLIENT = { 'switchboard.io/database-client': 'true' } as const;

export function serviceSelector(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, ...PART_OF };
}
