/** What the plain (non-Nest) parts log through: Nest's Logger and `console` both fit. */
export interface LoggerLike {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}
