/** Labels every Switchboard object carries; the NetworkPolicies select pods by them. */
export const PART_OF = { 'app.kubernetes.io/part-of': 'switchboard' } as const;

/** Pods of event-sourced services: they may reach NATS, PostgreSQL and EventStoreDB. */
export const INFRA_CLIENT = { 'switchboard.io/infra-client': 'true' } as const;

export function serviceSelector(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, ...PART_OF };
}
