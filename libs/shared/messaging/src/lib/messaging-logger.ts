/** What the plain (non-Nest) parts of the library log through; Nest's Logger and console both fit. */
export interface MessagingLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, trace?: string): void;
}

/** Used when the caller passes no logger: console, tagged so lines are attributable. */
export const consoleMessagingLogger: MessagingLogger = {
  log: (message) => console.log(`[messaging] ${message}`),
  warn: (message) => console.warn(`[messaging] ${message}`),
  error: (message, trace) => console.error(`[messaging] ${message}`, ...(trace ? [trace] : [])),
};
