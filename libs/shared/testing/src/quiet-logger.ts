/** A logger for the libraries' `logger` options that says nothing: tests assert, they don't read logs. */
export const quietLogger = {
  log: (): void => undefined,
  warn: (): void => undefined,
  error: (): void => undefined,
};
