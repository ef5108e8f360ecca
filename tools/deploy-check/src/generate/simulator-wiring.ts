import { serviceHosts, type DeployableService, type EgressTarget } from '../catalogue/service-catalogue';

/**
 * What of a service's entry in k8s/services.yaml points at a simulator: its `egress:` to one and
 * its `config:` values naming one (ERP_BASE_URL=http://erp-simulator/api/v1). It is generated
 * into k8s/simulators with the simulators (the dev overlay's stand-ins), so the base, and prod,
 * hold no call to a simulator; prod sets those variables to the real systems instead.
 */
export interface SimulatorWiring {
  egress: EgressTarget[];
  config: Record<string, string | number | boolean>;
}

export function simulatorNames(catalogue: readonly DeployableService[]): Set<string> {
  return new Set(catalogue.filter((service) => service.kind === 'simulator').map((service) => service.name));
}

/** A service split in two: its entry without the wiring (what every overlay deploys), and the wiring. */
export function splitSimulatorWiring(service: DeployableService, simulators: ReadonlySet<string>): { own: DeployableService; wiring: SimulatorWiring } {
  const toSimulator = (target: EgressTarget) => 'service' in target && simulators.has(target.service);
  const namesSimulator = ([, value]: [string, unknown]) => serviceHosts(String(value), simulators).length > 0;
  const egress = service.egress ?? [];
  const config = Object.entries(service.config ?? {});
  const own: DeployableService = { ...service, egress: egress.filter((target) => !toSimulator(target)), config: Object.fromEntries(config.filter((entry) => !namesSimulator(entry))) };
  return { own, wiring: { egress: egress.filter(toSimulator), config: Object.fromEntries(config.filter(namesSimulator)) } };
}
