type Json = Record<string, unknown>;

/**
 * Small builders for the response schemas (OpenAPI 3.0 dialect: `nullable`, and a nullable enum
 * names null among its values). Objects are closed: a field the service adds, drops or renames is a
 * change of the contract, and the contract test fails on it.
 */
export const obj = (properties: Json, description?: string, optional: string[] = []): Json => ({
  type: 'object',
  ...(description ? { description } : {}),
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
  additionalProperties: false,
  properties,
});
/** An object whose inner figures may grow (planner figures, audit headlines): only its kind is promised. */
export const open = (description: string): Json => ({ type: 'object', additionalProperties: true, description });
export const str = (description?: string, extra: Json = {}): Json => ({ type: 'string', ...(description ? { description } : {}), ...extra });
export const num = (description?: string, extra: Json = {}): Json => ({ type: 'number', ...(description ? { description } : {}), ...extra });
export const int = (description?: string, extra: Json = {}): Json => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
export const bool = (description?: string): Json => ({ type: 'boolean', ...(description ? { description } : {}) });
export const arr = (items: Json, description?: string): Json => ({ type: 'array', items, ...(description ? { description } : {}) });
export const nullable = (schema: Json): Json => ({
  ...schema,
  nullable: true,
  ...(Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[]), null] } : {}),
});
export const oneOf = (values: readonly string[], description?: string): Json => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});
export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

export const instant = (description = 'when, ISO 8601 (UTC)') => str(description, { format: 'date-time' });
export const day = (description = 'a day, YYYY-MM-DD (China time)') => str(description, { format: 'date' });
export const creditCode = str('unified social credit code (统一社会信用代码)', { pattern: '^[0-9A-Z]{18}$' });
export const colour = oneOf(['green', 'yellow', 'red'], 'risk colour (风险等级颜色): green 绿, yellow 黄, red 红');
export const sha256 = (description: string) => str(description, { pattern: '^[0-9a-f]{64}$' });
export const uuid = (description: string) => str(description, { format: 'uuid' });
export const bilingual = (description: string) => obj({ zh: str('in Chinese'), en: str('in English') }, description);
export const auditSeq = (description = 'the entry of oversight’s tamper-evident record (审计记录) that logged it') => int(description, { minimum: 0 });
