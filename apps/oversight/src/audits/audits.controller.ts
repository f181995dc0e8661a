import { BadRequestException, Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { resolvePeriod, resolveYearPeriod, type AuditPeriod } from './audit-period.util';
import { AuditReportsService } from './audit-reports.service';
import { AuditsService } from './audits.service';
import { PublicAuditReportsService } from './public-audit-reports.service';
import { AuditPeriodQuery, DriftQuery, FairnessQuery, PublishReportDto, ReportsQuery, RunReportDto } from './dtos/audit-query.dto';

/** A period from the query, or 400 when the dates are not real days or run backwards. */
function periodOf(query: AuditPeriodQuery, resolve = resolvePeriod): AuditPeriod {
  try {
    return resolve(query.from, query.to, new Date());
  } catch (error) {
    if (error instanceof RangeError) throw new BadRequestException(error.message);
    throw error;
  }
}

/** Algorithm audits for oversight officers: figures on demand, stored reports, publication. */
@Controller('api/audits')
export class AuditsController {
  constructor(
    private readonly audits: AuditsService,
    private readonly reports: AuditReportsService,
  ) {}

  @Get('fairness')
  fairness(@Query() query: FairnessQuery) {
    return this.audits.fairness(periodOf(query), { sample: query.sample, flag: query.flag, minGroupSize: query.minGroupSize });
  }

  @Get('accuracy')
  accuracy(@Query() query: AuditPeriodQuery) {
    return this.audits.accuracy(periodOf(query));
  }

  @Get('drift')
  drift(@Query() query: DriftQuery) {
    return this.audits.drift(periodOf(query), query.modelVersion);
  }

  /**
   * What the period's inspections (the year to today without dates) found in each colour had this
   * colour policy's thresholds coloured the scores in force on their days, beside the active policy.
   */
  @Get('colour-policies/:version')
  colourPolicy(@Param('version') version: string, @Query() query: AuditPeriodQuery) {
    return this.audits.colourPolicyEvidence(version, periodOf(query, resolveYearPeriod));
  }

  /** Runs all three audits, stores the report and logs it in the record: 201 with its id, sha256 and record seq. */
  @Post('reports')
  run(@Body() body: RunReportDto) {
    return this.reports.run(periodOf(body), 'on-demand', body.actor);
  }

  /** Newest first. */
  @Get('reports')
  list(@Query() query: ReportsQuery) {
    return this.reports.list(query.limit ?? 50);
  }

  @Get('reports/:id')
  get(@Param('id') id: string) {
    return this.reports.get(id);
  }

  /** Publishes a report's public copy (small groups withheld) for outside scrutiny; 409 when already published. */
  @Post('reports/:id/publish')
  publish(@Param('id') id: string, @Body() body: PublishReportDto) {
    return this.reports.publish(id, body.actor);
  }
}

/**
 * Published audit reports, open to anyone (社会监督): their public copies, small groups withheld,
 * byte for byte what the record's entry of the publication hashes.
 */
@Controller('api/public/audit-reports')
export class PublicAuditReportsController {
  constructor(private readonly reports: PublicAuditReportsService) {}

  @Get()
  list(@Query() query: ReportsQuery) {
    return this.reports.list(query.limit ?? 50);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.reports.get(id);
  }
}
