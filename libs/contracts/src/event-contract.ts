import { integrationEventType } from './integration-event';

/** A JSON Schema (draft 2020-12) document, as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * One integration event of the catalogue: the subject it is published on, its version, the
 * CloudEvents `type` and `dataschema`, and the JSON schema of its `data`. `Data` is the
 * TypeScript shape of `data`, for producers' mappers and consumers' handlers.
 */
export interface EventContract<Data = unknown> {
  readonly subject: string;
  readonly version: number;
  /** `switchboard.<subject>.v<N>`. */
  readonly type: string;
  /** URI of the schema: `urn:switchboard:schema:<subject>:v<N>`. */
  readonly dataschema: string;
  readonly schema: JsonSchema;
  /** Type-only: `typeof contract.data` is the data shape. Always undefined at run time. */
  readonly data?: Data;
}

export function defineEventContract<Data>(subject: string, version: number, schema: JsonSchema): EventContract<Data> {
  const type = integrationEventType(subject, version);
  const dataschema = `urn:switchboard:schema:${subject}:v${version}`;
  return Object.freeze({
    subject,
    version,
    type,
    dataschema,
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: dataschema, title: type, ...schema },
  });
}

/** JSON schema building blocks shared by the contracts. */
export const jsonSchema = {
  object: (properties: Record<string, JsonSchema>, required: readonly string[] = Object.keys(properties)): JsonSchema => ({
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  }),
  string: { type: 'string', minLength: 1 } as JsonSchema,
  nullable: (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] }),
  dateTime: { type: 'string', format: 'date-time' } as JsonSchema,
  /** A money amount as a decimal string, never a float: `"12.50"`. */
  decimal: { type: 'string', pattern: '^\\d{1,15}(\\.\\d{1,4})?$' } as JsonSchema,
  currency: { type: 'string', pattern: '^[A-Z]{3}$' } as JsonSchema,
  country: { type: 'string', pattern: '^[A-Z]{2}$' } as JsonSchema,
  positiveInteger: { type: 'integer', minimum: 1 } as JsonSchema,
  nonNegativeInteger: { type: 'integer', minimum: 0 } as JsonSchema,
  enumOf: (values: readonly string[]): JsonSchema => ({ type: 'string', enum: values }),
  arrayOf: (items: JsonSchema, minItems = 0): JsonSchema => ({ type: 'array', items, minItems }),
  stringMap: { type: 'object', additionalProperties: { type: 'string' } } as JsonSchema,
} as const;
