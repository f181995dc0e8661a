import { Controller, Get, Req, Res } from '@nestjs/common';
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

/** Codes per look-up: a GET's request line stays well inside Node's 16 KB. */
const NAMES_PER_ASK = 200;

/**
 * Inspection results for the public (抽查结果公示): dispatch's results, with each enterprise's registered
 * name from intake beside its credit code, as the national disclosure system shows them. An enterprise
 * intake does not know (yet) keeps its code and a null name; intake down leaves every name null rather
 * than the results unpublished.
 */
@Controller('api/public')
export class InspectionResultsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get('inspection-results')
  async results(@Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.upstream.call('dispatch', 'GET', `/api/public/inspection-results${queryOf(request.originalUrl)}`);
    if (answer.status !== 200) {
      response.status(answer.status).type(answer.contentType).send(answer.body);
      return;
    }
    const page = JSON.parse(answer.body.toString()) as ResultsPage;
    const names = await this.namesOf([...new Set(page.results.map((r) => r.creditCode))]);
    response.status(200).json({ ...page, results: page.results.map((r) => ({ ...r, name: names.get(r.creditCode) ?? null })) });
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
