import type { FaultSettings } from '@switchboard/simulator-kit';
import type { ServiceProcess } from '@switchboard/testing';

/** What `PUT /admin/faults` takes: the kit's settings, `downUntil` as a date. */
export type Faults = Omit<FaultSettings, 'downUntil'> & { readonly downUntil?: Date };

async function admin(simulator: ServiceProcess, method: 'PUT' | 'DELETE', body?: Faults): Promise<void> {
  const res = await fetch(`${simulator.api}/admin/faults`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${simulator.service} /admin/faults answered ${res.status}: ${await res.text()}`);
}

/** Replaces the faults a simulator injects into its API (admin routes are never faulted). */
export const injectFaults = (simulator: ServiceProcess, faults: Faults) => admin(simulator, 'PUT', faults);

/** The simulator answers normally again. */
export const clearFaults = (simulator: ServiceProcess) => admin(simulator, 'DELETE');
