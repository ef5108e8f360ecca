import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

/** The least a projected event carries: an id (for the inbox) and a stable type name. */
export interface ProjectedEvent {
  readonly id: string;
  readonly type: string;
}

/** How to find the row an event is about: its primary key value, or a TypeORM `where`. */
export type RowKey<Row> = string | number | FindOptionsWhere<Row>;

/**
 * A projection (a "projector": read models only; side effects belong in reactors).
 * Fed from the service's own event store by a ProjectionRunner (Event = RecordedEvent), or from
 * JetStream by applyIntegrationEvent (Event = a decoded integration event).
 */
export interface Projection<Row extends object, Event extends ProjectedEvent = ProjectedEvent> {
  /** Processor id: names the checkpoint (and the inbox consumer). Never rename a live one. */
  readonly name: string;
  /** The event types it handles; every other event only moves the checkpoint. */
  readonly handles: readonly string[];
  /** The TypeORM entity of the read model; the projection owns its table. */
  readonly entity: EntityTarget<Row>;
  /** The row an event is about. */
  key(event: Event): RowKey<Row>;
  /** Pure: the next row, or null to delete it. Return `row` itself to leave it untouched. */
  evolve(row: Row | null, event: Event): Row | null;
  /** Clears the read model for a rebuild; default: delete every row of `entity`. */
  reset?(manager: EntityManager): Promise<void>;
}

/** Identity with inference: `defineProjection<OrderSummary, RecordedEvent>({ ... })`. */
export function defineProjection<Row extends object, Event extends ProjectedEvent = ProjectedEvent>(
  projection: Projection<Row, Event>,
): Projection<Row, Event> {
  return projection;
}
