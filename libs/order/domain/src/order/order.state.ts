import type {
  ConfirmedLine,
  FulfilmentStatus,
  OrderConditions,
  OrderLine,
  OrderStatus,
} from './order.events';

export type StatusHistoryEntry = Readonly<{ status: OrderStatus; at: string }>;

export type ErpAcceptance = Readonly<{
  erpOrderNumber: string;
  confirmedLines: readonly ConfirmedLine[];
  conditions: OrderConditions;
  acceptedAt: string;
}>;

type PlacedOrder = Readonly<{
  orderId: string;
  customerId: string;
  currency: string;
  lines: readonly OrderLine[];
  placedAt: string;
  /** Every status the order went through, oldest first, with the time it took effect. */
  history: readonly StatusHistoryEntry[];
  /** The highest ERP record version applied; an update at this version or below changes nothing. */
  lastErpVersion: number | null;
}>;

export type OrderState =
  | Readonly<{ status: 'initial' }>
  | (PlacedOrder & Readonly<{ status: 'placed'; acceptance: null }>)
  | (PlacedOrder & Readonly<{ status: FulfilmentStatus; acceptance: ErpAcceptance }>)
  | (PlacedOrder & Readonly<{ status: 'rejected'; acceptance: null; rejectionReason: string }>)
  | (PlacedOrder &
      Readonly<{ status: 'cancelled'; acceptance: ErpAcceptance | null; cancellationReason: string }>);

export function initialOrderState(): OrderState {
  return { status: 'initial' };
}
