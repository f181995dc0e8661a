import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CreateDrawDto, DrawListQuery, DrawTasksQuery } from './dtos/draw.dto';
import { DrawService } from './draw.service';

/** The double random draw (双随机) and its plan: made, recorded, and re-drawable by anyone. */
@Controller('api/draws')
export class DrawController {
  constructor(private readonly draws: DrawService) {}

  @Post()
  create(@Body() body: CreateDrawDto) {
    return this.draws.draw({ start: body.from, end: body.to }, body.seed, { backfill: body.backfill });
  }

  @Get()
  list(@Query() query: DrawListQuery) {
    return this.draws.list(query.limit ?? 20);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.draws.get(id);
  }

  /** The plan's tasks, each with the visit that carries it, narrowed by day, department, officer, district, reason or colour. */
  @Get(':id/tasks')
  tasks(@Param('id') id: string, @Query() query: DrawTasksQuery) {
    return this.draws.tasks(id, query);
  }

  @Get(':id/inputs')
  inputs(@Param('id') id: string) {
    return this.draws.inputs(id);
  }

  @Get(':id/redraw-check')
  redrawCheck(@Param('id') id: string) {
    return this.draws.redrawCheck(id);
  }
}
