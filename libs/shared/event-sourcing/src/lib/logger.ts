/** What the plain (non-Nest) parts of this lib log through; Nest's `Logger` fits it. */
export interface LoggerLike {
  log(message: string, ...context: unknown[]): void;
  warn(message: string, ...context: unknown[]): void;
  error(message: string, ...context: unknown[]): void;
}

export const consoleLogger: LoggerLike = console;
