import {
  comparePositions,
  parsePosition,
  type Position,
  ProcessorCheckpoints,
} from '@switchboard/event-sourcing';
import type { DataSource } from 'typeorm';
import { ProjectionBehindError } from './projection-behind.error';

export interface WaitForPositionOptions {
  /** Give up after this long; default 2000 ms. */
  timeoutMs?: number;
  /** First poll interval; it doubles up to `maxIntervalMs` (default 5 → 50 ms). */
  intervalMs?: number;
  maxIntervalMs?: number;
}

/**
 * Read-your-writes: resolves once every named projection's checkpoint is at or past `position`
 * (the position a command's response carried), or throws ProjectionBehindError naming the first
 * one still behind. Polls the checkpoint table (one indexed read per poll, backing off), so it
 * works whichever replica runs the projection.
 */
export async function waitForPosition(
  dataSource: DataSource,
  projections: string | readonly string[],
  position: Position | string,
  { timeoutMs = 2000, intervalMs = 5, maxIntervalMs = 50 }: WaitForPositionOptions = {},
): Promise<void> {
  const names = typeof projections === 'string' ? [projections] : projections;
  const wanted = typeof position === 'string' ? parsePosition(position) : position;
  const started = Date.now();
  let interval = intervalMs;
  for (;;) {
    const checkpoints = await ProcessorCheckpoints.readMany(dataSource, names);
    const behind = names.find((name) => !reached(checkpoints.get(name) ?? null, wanted));
    if (behind === undefined) return;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) {
      throw new ProjectionBehindError(behind, wanted, checkpoints.get(behind) ?? null, waited);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(interval, timeoutMs - waited)));
    interval = Math.min(interval * 2, maxIntervalMs);
  }
}

function reached(checkpoint: Position | null, wanted: Position): boolean {
  return checkpoint !== null && comparePositions(checkpoint, wanted) >= 0;
}
