import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ErpOrderNotAccepted } from '@switchboard/erp-domain';
import { ProcessorLeases } from '@switchboard/event-sourcing';
import { CorrelationContext } from '@switchboard/observability';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { ErpClient } from '../callouts/erp.client';
import { ApplyErpOrderChangeCommand } from '../commands/apply-erp-order-change/apply-erp-order-change.command';
import { ErpAdapterConfig } from '../config';
import { erpSalesOrderChangeProblem, type ErpSalesOrderChange } from './erp-sales-order-change';

export const SALES_ORDER_CHANGES_FEED = 'sales-orders';
const PAGE_SIZE = 100;
const LEASE_ID = 'erp-adapter-changes-poller';
/** Outlasts a page and the pause between ticks, so the holder keeps the lease while it polls. */
const MIN_LEASE_TTL_MS = 60_000;

/**
 * The polling fallback (ERP_POLLING=true): reads the ERP's changes feed after a durable cursor
 * (`erp_change_cursors`) and applies each change as the webhook does, so both channels yield the
 * same `erp.order.updated` once (ErpOrderSync ignores a version it has). One replica polls at a
 * time: the holder of a lease (`processor_leases`, renewed each page). No transaction spans a
 * tick: one with an xid would hold back what the PostgreSQL event store shows to every relay and
 * projection of the cluster until it ends. So the cursor is read, the ERP called and the changes
 * applied in autocommit statements, and the new cursor stored after them: a crash, or a second
 * poller after a lapsed lease, re-reads changes, which is harmless; the cursor never moves back.
 * Each change is applied as a chain originating in the ERP, as a webhook's is.
 */
@Injectable()
export class ErpChangesPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ErpChangesPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private leaseHeld = false;
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;

  constructor(
    private readonly config: ErpAdapterConfig,
    private readonly dataSource: DataSource,
    private readonly erp: ErpClient,
    private readonly commandBus: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.ERP_POLLING) return;
    this.logger.log(`polling the ERP's changes feed every ${this.config.ERP_POLL_INTERVAL_MS} ms`);
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    if (this.leaseHeld) {
      this.leaseHeld = false;
      await ProcessorLeases.release(this.dataSource, LEASE_ID, this.owner).catch((error: unknown) =>
        this.logger.warn(`could not release the polling lease (it expires by itself): ${String(error)}`),
      );
    }
  }

  /** One round: every page of changes after the cursor, until one is not full; nothing while another replica polls. */
  async poll(): Promise<void> {
    let more = true;
    while (more && !this.stopped && (await this.holdLease())) {
      more = await this.pollPage();
    }
  }

  /** Takes or renews the lease (autocommit); true when this replica may poll. */
  private async holdLease(): Promise<boolean> {
    const ttlMs = Math.max(MIN_LEASE_TTL_MS, 3 * this.config.ERP_POLL_INTERVAL_MS);
    this.leaseHeld = await ProcessorLeases.acquire(this.dataSource, LEASE_ID, this.owner, ttlMs);
    return this.leaseHeld;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.poll()
        .catch((error: unknown) => this.logger.warn(`polling the ERP failed, trying again in ${this.config.ERP_POLL_INTERVAL_MS} ms: ${String(error)}`))
        .finally(() => this.schedule(this.config.ERP_POLL_INTERVAL_MS));
    }, delayMs);
  }

  /** Applies one page; true when a full page suggests more. */
  private async pollPage(): Promise<boolean> {
    const [row]: { position: string }[] = await this.dataSource.query('SELECT position FROM erp_change_cursors WHERE feed = $1', [SALES_ORDER_CHANGES_FEED]);
    const since = Number(row.position);
    const { changes } = await this.erp.changesSince(since, PAGE_SIZE);
    let position = since;
    let blocked = false;
    for (const change of changes) {
      if (!(await this.apply(change))) {
        blocked = true;
        break;
      }
      position = change.changeId;
    }
    if (position !== since) {
      // A cursor row another connection holds (an operator, a replica whose lease lapsed) is not
      // waited for, which would stall polling until it lets go: the move is skipped and the next
      // tick reads these changes again, which is harmless.
      await this.dataSource.query(
        `UPDATE erp_change_cursors SET position = $2, updated_at = now()
         WHERE feed = (SELECT feed FROM erp_change_cursors WHERE feed = $1 AND position < $2 FOR UPDATE SKIP LOCKED)`,
        [SALES_ORDER_CHANGES_FEED, position],
      );
    }
    return !blocked && changes.length === PAGE_SIZE;
  }

  /** false: the change must wait (its order's acceptance is not recorded yet); the cursor stops before it. */
  private async apply(change: ErpSalesOrderChange): Promise<boolean> {
    const problem = erpSalesOrderChangeProblem(change);
    if (problem) {
      this.logger.error(`passing over ERP change ${JSON.stringify(change)}: ${problem}`);
      return true;
    }
    try {
      await CorrelationContext.run(CorrelationContext.fromExternalChange('erp', `erp-change-${change.changeId}`), () =>
        this.commandBus.execute(new ApplyErpOrderChangeCommand(change, 'polling')),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ErpOrderNotAccepted)) throw error;
      const ageMs = Date.now() - Date.parse(change.changedAt);
      if (ageMs < this.config.ERP_POLL_UNKNOWN_ORDER_GRACE_MS) return false;
      this.logger.warn(`passing over ERP change ${change.changeId} of ${change.orderNumber}: no acceptance of order ${change.externalRef} recorded after ${ageMs} ms (not ours?)`);
      return true;
    }
  }
}
