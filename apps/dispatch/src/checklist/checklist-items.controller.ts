import { BadRequestException, Body, Controller, Get, Param, Put } from '@nestjs/common';
import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { ChecklistItemsRepository } from './checklist-items.repository';

/** The contract's item code: a department code, a dash and two digits (FIRE-02). */
const ITEM = /^[A-Z]{2,10}-\d{2}$/;

export class ChecklistItemNameDto {
  @IsString() @MinLength(1) @MaxLength(200) zh!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) en?: string;
  /** Who renames it: the web gateway sets the signed-in dispatcher. */
  @IsOptional() @IsString() @MaxLength(64) actor?: string;
  /** The `version` the item was read at: if it has changed since, the rename is refused (409). Omit to save regardless. */
  @IsOptional() @IsInt() @Min(1) version?: number;
}

/** What each checklist item asks, so officers and enterprises read "消防设施和器材", not FIRE-01. */
@Controller('api/checklist-items')
export class ChecklistItemsController {
  constructor(private readonly items: ChecklistItemsRepository) {}

  @Get()
  list() {
    return this.items.list();
  }

  @Put(':item')
  save(@Param('item') item: string, @Body() body: ChecklistItemNameDto) {
    const code = item.toUpperCase();
    if (!ITEM.test(code)) throw new BadRequestException('an item code is a department code, a dash and two digits, e.g. FIRE-02');
    const zh = body.zh.trim();
    if (!zh) throw new BadRequestException('give the item a Chinese name');
    return this.items.save(code, zh, body.en?.trim() || null, { actor: body.actor, version: body.version });
  }
}
