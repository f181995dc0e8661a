import Ajv from 'ajv';

type Json = Record<string, unknown>;

/** What a validation found: nothing, or each error as `path: message`. */
export type SchemaCheck = { ok: true } | { ok: false; errors: string[] };

/**
 * Validates JSON against schemas of an OpenAPI 3.0 document, `$ref`s to its components resolved
 * within the document. OpenAPI's `nullable` is honoured; `example` and other annotations are ignored.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ nullable: true, allErrors: true, unknownFormats: ['password'], format: 'full' });

  constructor(private readonly document: Json) {
    this.ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
    this.ajv.addSchema(document, 'openapi');
  }

  /** The schema at a JSON pointer of the document, e.g. the 200 body of an operation. */
  check(pointer: string, value: unknown): SchemaCheck {
    const validate = this.ajv.getSchema(`openapi#${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    if (validate(value)) return { ok: true };
    return { ok: false, errors: (validate.errors ?? []).map((e) => `${e.dataPath || '(body)'}: ${e.message} ${JSON.stringify(e.params)}`) };
  }

  /** The pointer to the response body schema of an operation (`GET`, `/api/scores/{creditCode}`, 200). */
  static responsePointer(method: string, path: string, status: number): string {
    return `/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  }

  /** The pointer to the request body schema of an operation. */
  static bodyPointer(method: string, path: string): string {
    return `/paths/${escape(path)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
  }
}

/** A path as one JSON-pointer token. */
const escape = (path: string) => path.replace(/~/g, '~0').replace(/\//g, '~1');
