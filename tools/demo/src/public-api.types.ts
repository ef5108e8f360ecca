// The parts of the public APIs' answers the demo reads (the full shapes are in each service's OpenAPI).

/** What every command answers. */
export interface Accepted {
  readonly id: string;
  readonly position: string;
}

export interface SignedCopy {
  readonly documentId: string;
  readonly sha256: string;
  readonly size: number;
  readonly url: string;
}

/** A contract record in the CRM. */
export interface ContractRecord {
  readonly id: string;
  readonly clmContractId: string;
  readonly status: string;
  readonly signedCopy: SignedCopy | null;
}

export interface CustomerOrder {
  readonly id: string;
  readonly status: string;
  readonly erpOrderNumber: string | null;
}

/** GET /customers/{id} of the CRM: the 360 view. */
export interface CustomerView {
  readonly id: string;
  readonly status: string;
  readonly externalIds: { readonly erpCustomerNumber: string | null; readonly clmCustomerId: string | null };
  readonly contracts: readonly ContractRecord[];
  readonly orders: readonly CustomerOrder[];
}

/** GET /orders/{id} of the order service. */
export interface OrderView {
  readonly id: string;
  readonly status: string;
  readonly erpOrderNumber: string | null;
}

/** A sales order in the ERP. */
export interface ErpSalesOrder {
  readonly orderNumber: string;
  readonly customerNumber: string;
  readonly status: string;
}

/** A customer's contract conditions in the ERP. */
export interface ErpConditions {
  readonly contractId: string;
  readonly paymentTerms: string;
  readonly discountPercent: number;
  readonly validFrom: string;
}

/** A contract as the CLM answers it. */
export interface ClmContract {
  readonly id: string;
}
