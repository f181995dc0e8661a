import { BadRequestException, Controller, Get, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { queryOf } from '../access/route-match.util';
import { UpstreamClient } from '../gateway/upstream.client';

interface PublicResult {
  creditCode: string;
  name?: string | null;
}
interface ResultsPage {
  results: PublicResult[];
  next: string | null;
}
/** An enterprise a name matched: its registered name and code, all the public side shows of it. */
interface NameMatch {
  creditCode: string;
  name: string;
}

/** Codes per look-up: a GET's request line stays well inside Node's 16 KB. */
const NAMES_PER_ASK = 200;
/** Enterprises a name may narrow the results to (dispatch's PUBLIC_RESULT_CODES); past this, the reader is asked to choose. */
const NAME_MATCHES = 20;
/** Longer than any registered name: a search, not a place for text. */
const NAME_LENGTH = 60;
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
/** Query parameters the gateway answers itself; dispatch validates the rest (the OpenAPI spec reads both). */
export const GATEWAY_RESULT_QUERIES = ['name'];

/**
 * Inspection results for the public (抽查结果公示): dispatch's results, with each enterprise's registered
 * name from intake beside its credit code, as the national disclosure system shows them. An enterprise
 * intake does not know (yet) keeps its code and a null name; intake down leaves every name null rather
 * than the results unpublished. People know enterprises by name: `name` narrows the results to the
 * enterprises whose registered name holds it (intake's search), and the answer says which they were.
 */
@Controller('api/public')
export class InspectionResultsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get('inspection-results')
  async results(@Req() request: Request, @Res() response: Response): Promise<void> {
    const asked = queryOf(request.originalUrl);
    const query = new URLSearchParams(asked.slice(1));
    // Without a name, the query goes to dispatch as it was asked.
    if (!query.has('name')) return this.relay(response, asked, null);
    const name = query.getAll('name');
    if (name.length !== 1 || !name[0].trim() || name[0].length > NAME_LENGTH)
      throw new BadRequestException(`name is one text of 1 to ${NAME_LENGTH} characters`);
    // No registered name holds one, and intake's search could not take a NUL: refused here, not answered as intake being away.
    if (CONTROL_CHARACTER.test(name[0])) throw new BadRequestException('name must not hold control characters (NUL, line breaks and the like)');
    if (query.has('creditCode')) throw new BadRequestException('name or creditCode, not both');
    const matches = await this.enterprisesNamed(name[0].trim());
    if (matches === null) throw new ServiceUnavailableException('names cannot be searched now; the credit code still can');
    const moreMatches = matches.length > NAME_MATCHES;
    if (matches.length === 0 || moreMatches) {
      response.status(200).json({ results: [], next: null, matches: matches.slice(0, NAME_MATCHES), moreMatches });
      return;
    }
    query.delete('name');
    query.set('creditCode', matches.map((m) => m.creditCode).join(','));
    return this.relay(response, `?${query.toString()}`, matches);
  }

  /** Dispatch's page with the names beside the codes; with the enterprises a name matched, when it was asked by one. */
  private async relay(response: Response, search: string, matches: NameMatch[] | null): Promise<void> {
    const answer = await this.upstream.call('dispatch', 'GET', `/api/public/inspection-results${search}`);
    if (answer.status !== 200) {
      response.status(answer.status).type(answer.contentType).send(answer.body);
      return;
    }
    const page = JSON.parse(answer.body.toString()) as ResultsPage;
    const names = matches ? new Map(matches.map((m) => [m.creditCode, m.name])) : await this.namesOf([...new Set(page.results.map((r) => r.creditCode))]);
    const results = page.results.map((r) => ({ ...r, name: names.get(r.creditCode) ?? null }));
    response.status(200).json(matches ? { ...page, results, matches, moreMatches: false } : { ...page, results });
  }

  /** Up to one more than NAME_MATCHES enterprises whose registered name holds the text (null when intake cannot say). */
  private async enterprisesNamed(text: string): Promise<NameMatch[] | null> {
    const { body } = await this.upstream.json<NameMatch[]>('intake', `/api/enterprises?q=${encodeURIComponent(text)}&limit=${NAME_MATCHES + 1}`);
    // Registered name and code only: intake's summary carries more (address, place) that this page has no need of.
    return Array.isArray(body) ? body.map(({ creditCode, name }) => ({ creditCode, name })) : null;
  }

  private async namesOf(codes: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let start = 0; start < codes.length; start += NAMES_PER_ASK) {
      const ask = codes.slice(start, start + NAMES_PER_ASK);
      const { body } = await this.upstream.json<{ creditCode: string; name: string }[]>(
        'intake',
        `/api/enterprises?codes=${ask.map(encodeURIComponent).join(',')}`,
      );
      for (const e of Array.isArray(body) ? body : []) names.set(e.creditCode, e.name);
    }
    return names;
  }
}
