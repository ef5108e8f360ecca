import {
  CRM_CUSTOMER_DETAILS_CHANGED,
  CRM_CUSTOMER_REGISTERED,
  CRM_CUSTOMER_WON,
  type EventContract,
} from '@switchboard/contracts';
import type { CustomerEvent } from '@switchboard/crm-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import type { IntegrationEventDraft } from '@switchboard/messaging';

/**
 * Customer domain events → `crm.customer.*` integration events, for the relay. The links to the
 * ERP and CLM ids stay private (those systems reported them). Data is copied field by field so a
 * new private field in a domain event never leaks.
 */
export function customerToContracts(event: RecordedEvent): IntegrationEventDraft | null {
  const domain = { type: event.type, data: event.data } as CustomerEvent;
  switch (domain.type) {
    case 'CustomerRegistered': {
      const { customerId, name, email, country, vatId, address, registeredAt } = domain.data;
      return draft(CRM_CUSTOMER_REGISTERED, { customerId, name, email, country, vatId, address: address && copyAddress(address), registeredAt });
    }
    case 'CustomerWon': {
      const { customerId, wonAt } = domain.data;
      return draft(CRM_CUSTOMER_WON, { customerId, wonAt });
    }
    case 'CustomerDetailsChanged': {
      const { customerId, changes, changedAt } = domain.data;
      const { name, email, country, vatId, address } = changes;
      return draft(CRM_CUSTOMER_DETAILS_CHANGED, {
        customerId,
        changes: {
          ...(name === undefined ? {} : { name }),
          ...(email === undefined ? {} : { email }),
          ...(country === undefined ? {} : { country }),
          ...(vatId === undefined ? {} : { vatId }),
          ...(address === undefined ? {} : { address: address && copyAddress(address) }),
        },
        changedAt,
      });
    }
    default:
      return null;
  }
}

function copyAddress({ street, city, postalCode, country }: { street: string; city: string; postalCode: string; country: string }) {
  return { street, city, postalCode, country };
}

function draft<Data>(contract: EventContract<Data>, data: Data): IntegrationEventDraft<Data> {
  return { type: contract.type, dataschema: contract.dataschema, data };
}
