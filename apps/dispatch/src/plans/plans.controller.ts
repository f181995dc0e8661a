import { QueryInt } from '@tianping/common';
import { BadRequestException, Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { ActorDto, CalendarDayDto, ConflictDto, DepartmentPlanDto, PolicyDto } from './dtos/department-plan.dto';
import { PlansRepository } from './plans.repository';

export class ConflictQuery {
  @IsOptional() @IsString() officer?: string;
  @IsOptional() @IsString() enterprise?: string;
}

export class CalendarQuery {
  @IsOptional() @QueryInt(2000, 2100) year?: number;
}

const DEPARTMENT = /^[A-Z]{2,10}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What dispatch is told to do: department plans, policy, declared conflicts (回避), holidays. */
@Controller('api')
export class PlansController {
  constructor(private readonly plans: PlansRepository) {}

  @Get('plans')
  list() {
    return this.plans.plans();
  }

  @Get('plans/:department')
  async get(@Param('department') department: string) {
    const [plan] = await this.plans.plans(department.toUpperCase());
    if (!plan) throw new NotFoundException(`no plan for department ${department}`);
    return plan;
  }

  @Put('plans/:department')
  async put(@Param('department') department: string, @Body() body: DepartmentPlanDto) {
    const code = department.toUpperCase();
    if (!DEPARTMENT.test(code)) throw new BadRequestException('department must be a code such as SAMR');
    const foreign = body.checklist.filter((item) => !item.startsWith(`${code}-`));
    if (foreign.length > 0) throw new BadRequestException(`checklist items must belong to ${code}: ${foreign.join(', ')}`);
    await this.plans.savePlan(code, body);
    return this.get(code);
  }

  /** The policy's values with its `version`, and who last changed it and when. */
  @Get('policy')
  async policy() {
    const { values, revision } = await this.plans.versionedPolicy();
    return { ...values, ...revision };
  }

  @Put('policy')
  async putPolicy(@Body() body: PolicyDto) {
    await this.plans.savePolicy(body);
    return this.policy();
  }

  @Get('conflicts')
  conflicts(@Query() query: ConflictQuery) {
    return this.plans.conflicts(query.officer, query.enterprise?.toUpperCase());
  }

  @Post('conflicts')
  @HttpCode(201)
  async declare(@Body() body: ConflictDto) {
    await this.plans.declareConflict(body.officerId, body.creditCode, body.reason, body.actor);
    const [declared] = await this.plans.conflicts(body.officerId, body.creditCode);
    return { ...declared, declared: true };
  }

  @Delete('conflicts/:officerId/:creditCode')
  async withdraw(@Param('officerId') officerId: string, @Param('creditCode') creditCode: string, @Body() body: ActorDto = {}) {
    if (!(await this.plans.withdrawConflict(officerId, creditCode.toUpperCase(), body.actor))) throw new NotFoundException('no such declared conflict');
    return { officerId, creditCode: creditCode.toUpperCase(), declared: false };
  }

  @Get('calendar')
  calendar(@Query() query: CalendarQuery) {
    const year = query.year ?? new Date().getUTCFullYear();
    return this.plans.calendar(`${year}-01-01`, `${year}-12-31`);
  }

  @Put('calendar/:date')
  async setDay(@Param('date') date: string, @Body() body: CalendarDayDto) {
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) throw new BadRequestException('date must be YYYY-MM-DD');
    await this.plans.setCalendarDay(date, body.kind, body.name, body.actor);
    return { date, kind: body.kind, name: body.name ?? null };
  }

  @Delete('calendar/:date')
  async clearDay(@Param('date') date: string, @Body() body: ActorDto = {}) {
    if (!(await this.plans.clearCalendarDay(date, body.actor))) throw new NotFoundException(`no calendar entry on ${date}`);
    return { date, cleared: true };
  }
}
