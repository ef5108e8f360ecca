import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export interface ConfigProblem {
  /** The environment variable. */
  readonly variable: string;
  readonly problem: 'missing' | 'invalid';
  /** What was expected, e.g. "PORT must be an integer port number". */
  readonly expected: string[];
}

/** Start-up stops with this: it lists every wrong variable at once, never their values (secrets). */
export class ConfigValidationError extends Error {
  constructor(
    readonly configName: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `Invalid configuration (${configName}): ${problems.length} problem(s)\n` +
        problems.map((p) => `  - ${p.variable} is ${p.problem === 'missing' ? 'not set' : 'invalid'}: ${p.expected.join('; ')}`).join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}

/**
 * Reads a config class from environment variables: converts (`@Type`), applies defaults
 * (property initialisers), drops unrelated variables and validates. Empty strings count as unset.
 * Use it as @nestjs/config's `validate` function or directly.
 */
export function validateConfig<T extends object>(
  configClass: new () => T,
  env: Readonly<Record<string, unknown>>,
): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(configClass, present, { exposeUnsetFields: false });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigValidationError(configClass.name, errors.map(toProblem));
  return config;
}

function toProblem(error: ValidationError): ConfigProblem {
  return {
    variable: error.property,
    problem: error.value === undefined ? 'missing' : 'invalid',
    expected: [...new Set(Object.values(error.constraints ?? {}))],
  };
}
