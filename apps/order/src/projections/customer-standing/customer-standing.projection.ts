import {
  CRM_CUSTOMER_DETAILS_CHANGED,
  CRM_CUSTOMER_REGISTERED,
  CRM_CUSTOMER_WON,
  type CrmCustomerDetailsChangedV1,
  type CrmCustomerRegisteredV1,
  type CrmCustomerWonV1,
  type IntegrationEvent,
} from '@switchboard/contracts';
import { defineProjection } from '@switchboard/projections';
import { CustomerStanding } from './customer-standing.entity';

export const CUSTOMER_STANDING_PROJECTION = 'customer-standing';

/**
 * Fed from JetStream `crm.customer.*` (applyIntegrationEvent: the inbox row and this row in one
 * transaction). Won is final: a registration or details change seen after it (redelivered or
 * reordered) never turns the customer back into a prospect.
 */
export const customerStandingProjection = defineProjection<CustomerStanding, IntegrationEvent>({
  name: CUSTOMER_STANDING_PROJECTION,
  handles: [CRM_CUSTOMER_REGISTERED.type, CRM_CUSTOMER_WON.type, CRM_CUSTOMER_DETAILS_CHANGED.type],
  entity: CustomerStanding,
  key: (event) => (event.data as { customerId: string }).customerId,
  evolve: (row, event) => evolveCustomerStanding(row, event),
});

export function evolveCustomerStanding(row: CustomerStanding | null, event: IntegrationEvent): CustomerStanding | null {
  const base = row ?? Object.assign(new CustomerStanding(), { customerId: (event.data as { customerId: string }).customerId, standing: 'prospect', name: null });
  const at = new Date(event.time);
  switch (event.type) {
    case CRM_CUSTOMER_REGISTERED.type:
      return Object.assign(new CustomerStanding(), base, { name: (event.data as CrmCustomerRegisteredV1).name, updatedAt: at });
    case CRM_CUSTOMER_WON.type:
      return Object.assign(new CustomerStanding(), base, { standing: 'won', updatedAt: new Date((event.data as CrmCustomerWonV1).wonAt) });
    case CRM_CUSTOMER_DETAILS_CHANGED.type: {
      const { changes } = event.data as CrmCustomerDetailsChangedV1;
      return Object.assign(new CustomerStanding(), base, { ...(changes.name === undefined ? {} : { name: changes.name }), updatedAt: at });
    }
    default:
      return row;
  }
}
