import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ErpOrderNotAccepted } from '@switchboard/erp-domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ErpClient } from '../callouts/erp.client';
import { ApplyErpOrderChangeCommand } from '../commands/apply-erp-order-change/apply-erp-order-change.command';
import { ErpAdapterConfig } from '../config';
import { erpSalesOrderChangeProblem, type ErpSalesOrderChange } from './erp-sales-order-change';

export const SALES_ORDER_CHANGES_FEED = 'sales-orders';
const PAGE_SIZE = 100;

/**
 * The polling fallback (ERP_POLLING=true): reads the ERP's changes feed after a durable cursor
 * (`erp_change_cursors`) and applies each change as the webhook does, so both channels yield the
 * same `erp.order.updated` once (ErpOrderSync ignores a version it has). One replica polls at a
 * time: a tick holds the cursor row's lock (SKIP LOCKED) until it stores the new cursor, after
 * the changes are applied: a crash re-reads them, which is harmless.
 */
@Injectable()
export class ErpChangesPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ErpChangesPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

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
  }

  /** One round: every page of changes after the cursor, until one is not full. */
  async poll(): Promise<void> {
    let more = true;
    while (more && !this.stopped) {
      more = await this.dataSource.transaction((manager) => this.pollPage(manager));
    }
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
  private async pollPage(manager: EntityManager): Promise<boolean> {
    const [row]: { position: string }[] = await manager.query(
      'SELECT position FROM erp_change_cursors WHERE feed = $1 FOR UPDATE SKIP LOCKED',
      [SALES_ORDER_CHANGES_FEED],
    );
    if (!row) return false; // another replica is polling
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
      await manager.query('UPDATE erp_change_cursors SET position = $2, updated_at = now() WHERE feed = $1', [SALES_ORDER_CHANGES_FEED, position]);
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
      await this.commandBus.execute(new ApplyErpOrderChangeCommand(change, 'polling'));
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
