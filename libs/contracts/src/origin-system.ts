/**
 * Where a business change started: the CRM, the order service, the ERP or the CLM. Every
 * integration event carries it (the CloudEvents extension `origin`) and every callout sends it
 * (`Switchboard-Origin`), so an adapter never writes a change back into the system it came from.
 */
export const ORIGIN_SYSTEMS = ['crm', 'order', 'erp', 'clm'] as const;

export type OriginSystem = (typeof ORIGIN_SYSTEMS)[number];

/** The system each producing service stands for: its own changes start there. */
const SYSTEM_OF_SERVICE: ReadonlyMap<string, OriginSystem> = new Map([
  ['crm', 'crm'],
  ['order', 'order'],
  ['erp-adapter', 'erp'],
  ['contract-adapter', 'clm'],
]);

export function isOriginSystem(value: unknown): value is OriginSystem {
  return typeof value === 'string' && (ORIGIN_SYSTEMS as readonly string[]).includes(value);
}

/** `erp-adapter` → `erp`; undefined for a service that stands for no system (a simulator, a test). */
export function originOfService(service: string): OriginSystem | undefined {
  return SYSTEM_OF_SERVICE.get(service);
}

/**
 * The origin of an event: its `origin` extension, or, for an event without one (published before
 * the extension existed), its producer's system by `source`: `/crm` → crm, `/order` → order,
 * `/erp-adapter` → erp, `/contract-adapter` → clm.
 */
export function originOf(event: { readonly source?: unknown; readonly origin?: unknown }): OriginSystem | undefined {
  // A system this version does not know (a newer producer's) is none of ours: no echo to any.
  if (event.origin !== undefined) return isOriginSystem(event.origin) ? event.origin : undefined;
  return typeof event.source === 'string' && event.source.startsWith('/') ? originOfService(event.source.slice(1)) : undefined;
}

/** True when writing `event`'s change into `system` would echo it back to where it started. */
export function isEchoTo(event: { readonly source?: unknown; readonly origin?: unknown }, system: OriginSystem): boolean {
  return originOf(event) === system;
}
