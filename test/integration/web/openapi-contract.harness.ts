import { OpenApiValidator, type SchemaCheck } from '@tianping/testing';
import { DEMO_PASSWORD } from './suite-process.harness';

export interface Answer {
  status: number;
  body: unknown;
}

/**
 * A client of the running suite that knows only what /api/openapi.json says: it signs in as the
 * demo accounts, calls routes, and checks request and response bodies against the document.
 */
export class DocumentedClient {
  private readonly cookies = new Map<string, string>();
  /** `METHOD /path{param}` of every response checked, to show which documented ones a test covered. */
  readonly checked = new Set<string>();

  private constructor(
    readonly webUrl: string,
    readonly document: Record<string, unknown>,
    readonly validator: OpenApiValidator,
  ) {}

  static async open(webUrl: string): Promise<DocumentedClient> {
    const document = (await (await fetch(`${webUrl}/api/openapi.json`)).json()) as Record<string, unknown>;
    return new DocumentedClient(webUrl, document, new OpenApiValidator(document));
  }

  async signIn(username: string): Promise<void> {
    const response = await fetch(`${this.webUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}`);
    this.cookies.set(username, response.headers.get('set-cookie')!.split(';')[0]);
  }

  /** Calls a route as `who` (null: no session); `url` is the path with its parameters filled in and any query. */
  async call(who: string | null, method: string, url: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (who) headers.cookie = this.cookies.get(who)!;
    const response = await fetch(`${this.webUrl}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  /** The request body schema's verdict on a body, for the documented route `path` (`/api/appeals/{id}/withdrawal`). */
  checkBody(method: string, path: string, body: unknown): SchemaCheck {
    return this.validator.check(OpenApiValidator.bodyPointer(method, path), body);
  }

  /** The response schema's verdict on an answer; records the operation as checked. */
  checkAnswer(method: string, path: string, answer: Answer): SchemaCheck & { status: number } {
    this.checked.add(`${method} ${path}`);
    try {
      return { status: answer.status, ...this.validator.check(OpenApiValidator.responsePointer(method, path, answer.status), answer.body) };
    } catch {
      return { status: answer.status, ok: false, errors: [`no documented body for ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`] };
    }
  }

  /** Every operation whose success body the document describes. */
  documentedAnswers(): string[] {
    const found: string[] = [];
    for (const [path, operations] of Object.entries(
      this.document.paths as Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        const ok = operation.responses['200'] ?? operation.responses['201'];
        if ((ok?.content as Record<string, { schema?: unknown }>)?.['application/json']?.schema) found.push(`${method.toUpperCase()} ${path}`);
      }
    }
    return found.sort();
  }
}
