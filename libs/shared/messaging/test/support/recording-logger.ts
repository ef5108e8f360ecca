import type { MessagingLogger } from '../../src';

/** Keeps log lines for assertions instead of printing them. */
export class RecordingLogger implements MessagingLogger {
  readonly lines: string[] = [];
  log(message: string): void {
    this.lines.push(`log ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}
