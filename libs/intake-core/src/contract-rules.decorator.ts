import { registerDecorator, ValidationArguments } from 'class-validator';
import { isValidCreditCode, normaliseCreditCode } from '@tianping/common';
import { cstDateOf, parseContractDate, parseCstDateTime, parseIsoOffsetDateTime, Parsed } from './contract-date.util';
import {
  decimalKeptExactly,
  decimalOf,
  industryCodeShapeOk,
  industryDivisionOk,
  integerOf,
  isBlank,
  listOf,
  REGION_CODE,
  RESIDENT_ID,
  normaliseResidentId,
} from './contract-value.util';
import type { RecordMaker } from './intake.model';

/**
 * Custom class-validator decorators for the platforms' contract. Each decorator registers a few
 * mutually exclusive checks whose constraint name is the Reason code, so one bad field yields one
 * reason and every bad field is reported. Messages name the field, never its value.
 */

/** Rows carry the instant 'the future' is judged against (ParseContext.now). */
export abstract class ContractRow {
  now: Date = new Date(0);
  /** Who made the row (ParseContext.madeBy): a platform's export unless Tianping's own visit results. */
  madeBy: RecordMaker = 'platform';
}

export interface Check {
  code: string;
  /** Where what the field takes depends on the row (who made it), a function of the row. */
  describe: string | ((row: ContractRow) => string);
  fails(value: unknown, row: ContractRow): boolean;
  /** What the field takes, for the person correcting it: carried with the reason (see Reason.expected). */
  expected?: Expected | ((row: ContractRow) => Expected);
}

/** The values a field allows, or the bounds of its number. */
export interface Expected {
  allowed?: readonly string[];
  min?: number;
  max?: number;
}

/** What the check `code` on this property of the row class expects of this row, if it says. */
export function expectedOf(rowClass: RowClass, property: string, code: string, row: ContractRow): Expected | undefined {
  const expected = SCREENS.get(rowClass)
    ?.get(property)
    ?.find((check) => check.code === code)?.expected;
  return typeof expected === 'function' ? expected(row) : expected;
}

/** Allowance for clock skew between the platforms and intake when judging update times. */
export const CLOCK_SKEW_MS = 24 * 3600_000;

/**
 * The same checks, per class and property, so a row can be screened without class-validator's
 * per-call bookkeeping (which dominates at 100k rows/s). Only rows that fail the screen go through
 * validateSync, which stays the authority for the reasons; a spec holds the two to the same verdict.
 */
const SCREENS = new Map<RowClass, Map<string, Check[]>>();

/** A contract row's class: what the decorators are keyed by. */
export type RowClass = abstract new (...args: never[]) => object;

export type RowScreen = readonly (readonly [property: string, checks: readonly Check[]])[];

export function screenOf(rowClass: RowClass): RowScreen {
  return [...(SCREENS.get(rowClass) ?? new Map<string, Check[]>())];
}

/** True when no check of the screen fails: the row would pass validateSync too. */
export function passesScreen(screen: RowScreen, row: ContractRow): boolean {
  const values = row as unknown as Record<string, unknown>;
  for (const [property, list] of screen) {
    const value = values[property];
    for (const check of list) if (check.fails(value, row)) return false;
  }
  return true;
}

function checks(...list: Check[]): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const rowClass = target.constructor as RowClass; // a property decorator's target is the class's prototype
    const byProperty = SCREENS.get(rowClass) ?? new Map<string, Check[]>();
    SCREENS.set(rowClass, byProperty);
    byProperty.set(propertyName as string, [...(byProperty.get(propertyName as string) ?? []), ...list]);
    for (const check of list) {
      registerDecorator({
        name: check.code,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: (args: ValidationArguments) => `${args.property} ${describeFor(check, args.object as ContractRow)}` },
        validator: { validate: (value: unknown, args: ValidationArguments) => !check.fails(value, args.object as ContractRow) },
      });
    }
  };
}

const describeFor = (check: Check, row: ContractRow): string => (typeof check.describe === 'function' ? check.describe(row) : check.describe);

const required: Check = { code: 'required', describe: 'is required', fails: isBlank };
const mustBeText: Check = {
  code: 'type',
  describe: 'must be text',
  fails: (v) => !isBlank(v) && typeof v !== 'string',
};
const textChecks = (optional: boolean): Check[] => (optional ? [mustBeText] : [required, mustBeText]);
const asText = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export const IsRequiredText = (): PropertyDecorator => checks(...textChecks(false));
export const IsOptionalText = (): PropertyDecorator => checks(...textChecks(true));

export function IsCreditCode(): PropertyDecorator {
  const code = (v: unknown): string | null => {
    const s = asText(v);
    return s === null ? null : normaliseCreditCode(s);
  };
  const shapeOk = (s: string): boolean => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(s);
  return checks(
    ...textChecks(false),
    {
      code: 'format',
      describe: 'must be 18 characters of the GB 32100 alphabet',
      fails: (v) => {
        const s = code(v);
        return s !== null && !shapeOk(s);
      },
    },
    {
      code: 'check_character',
      describe: 'has a wrong check character (GB 32100)',
      fails: (v) => {
        const s = code(v);
        return s !== null && shapeOk(s) && !isValidCreditCode(s);
      },
    },
  );
}

function parsedChecks<T>(parse: (s: string) => Parsed<T>, formatHelp: string, future?: (value: T, row: ContractRow) => boolean): Check[] {
  // The checks of one field run back to back on the same value: remember the last parse.
  let lastText: string | null = null;
  let lastParsed: Parsed<T> | null = null;
  const parsed = (v: unknown): Parsed<T> | null => {
    const s = asText(v);
    if (s === null) return null;
    if (s !== lastText) {
      lastText = s;
      lastParsed = parse(s);
    }
    return lastParsed;
  };
  const list: Check[] = [
    {
      code: 'format',
      describe: `must be ${formatHelp}`,
      fails: (v) => {
        const p = parsed(v);
        return p !== null && !p.ok && p.code === 'format';
      },
    },
    {
      code: 'invalid_date',
      describe: 'is not a real calendar date or time',
      fails: (v) => {
        const p = parsed(v);
        return p !== null && !p.ok && p.code === 'invalid_date';
      },
    },
  ];
  if (future) {
    list.push({
      code: 'future_date',
      describe: 'is in the future',
      fails: (v, row) => {
        const p = parsed(v);
        return p !== null && p.ok && future(p.value, row);
      },
    });
  }
  return list;
}

const DATE_HELP = 'a date (2021-03-05, 2021/3/5, 2021年3月5日 or 20210305)';

export function IsContractDate(options: { notFuture: boolean }): PropertyDecorator {
  const future = options.notFuture ? (iso: string, row: ContractRow) => iso > cstDateOf(row.now) : undefined;
  return checks(...textChecks(false), ...parsedChecks(parseContractDate, DATE_HELP, future));
}

const afterNow = (d: Date, row: ContractRow): boolean => d.getTime() > row.now.getTime() + CLOCK_SKEW_MS;

export const IsCstDateTime = (): PropertyDecorator =>
  checks(...textChecks(false), ...parsedChecks(parseCstDateTime, 'a datetime YYYY-MM-DD HH:mm:ss', afterNow));

export const IsIsoDateTime = (): PropertyDecorator =>
  checks(...textChecks(false), ...parsedChecks(parseIsoOffsetDateTime, 'an ISO-8601 datetime with offset', afterNow));

/** The largest count a PostgreSQL integer column holds: a larger one would fail its whole batch. */
export const MAX_COUNT = 2_147_483_647;

/**
 * An amount of money (`exact`) must be read to the digit: one a number cannot hold exactly is refused
 * rather than stored rounded. Coordinates are measurements, stored as doubles, and are not `exact`.
 */
export function IsDecimalValue(options: { optional: boolean; min?: number; max?: number; integer?: boolean; exact?: boolean }): PropertyDecorator {
  const read = options.integer ? integerOf : decimalOf;
  const { min = -Infinity, max = options.integer ? MAX_COUNT : Infinity } = options;
  const bounds = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
  const exact: Check[] = options.exact
    ? [
        {
          code: 'precision',
          describe: 'has more significant digits than intake keeps exactly (15 always are): it would be stored rounded',
          fails: (v) => typeof v === 'string' && !Number.isNaN(read(v)) && !decimalKeptExactly(v),
        },
      ]
    : [];
  return checks(
    ...(options.optional ? [] : [required]),
    {
      code: 'format',
      describe: options.integer ? 'must be a whole number' : 'must be a decimal number',
      fails: (v) => !isBlank(v) && (typeof v === 'boolean' || Number.isNaN(read(v))),
    },
    {
      code: 'range',
      describe: `must be ${bounds}`,
      expected: max === Infinity ? { min } : { min, max },
      fails: (v) => {
        if (isBlank(v)) return false;
        const n = read(v);
        return !Number.isNaN(n) && (n < min || n > max);
      },
    },
    ...exact,
  );
}

export function IsOneOf(values: readonly string[], options: { optional: boolean } = { optional: false }): PropertyDecorator {
  const allowed = new Set(values);
  return checks(...textChecks(options.optional), {
    code: 'enum',
    describe: `must be one of ${values.join(', ')}`,
    expected: { allowed: values },
    fails: (v) => {
      const s = asText(v);
      return s !== null && !allowed.has(s);
    },
  });
}

export function IsIndustryCode(): PropertyDecorator {
  return checks(
    ...textChecks(false),
    {
      code: 'format',
      describe: 'must be a GB/T 4754 section letter A-T and four digits',
      fails: (v) => {
        const s = asText(v);
        return s !== null && !industryCodeShapeOk(s);
      },
    },
    {
      code: 'division',
      describe: 'names a division that does not belong to its section (GB/T 4754)',
      fails: (v) => {
        const s = asText(v);
        return s !== null && industryCodeShapeOk(s) && !industryDivisionOk(s);
      },
    },
  );
}

export const IsRegionCode = (): PropertyDecorator =>
  checks(...textChecks(false), {
    code: 'format',
    describe: 'must be a 6-digit administrative division code',
    fails: (v) => {
      const s = asText(v);
      return s !== null && !REGION_CODE.test(s);
    },
  });

export const IsResidentId = (): PropertyDecorator =>
  checks(mustBeText, {
    code: 'format',
    describe: 'must be an 18-character resident ID number (17 digits and a digit or X)',
    fails: (v) => {
      const s = asText(v);
      return s !== null && !RESIDENT_ID.test(normaliseResidentId(s));
    },
  });

/** A `;`-separated list whose every token matches `token`, with at least `min` distinct entries. */
export function IsCodeList(options: { token: (t: string) => boolean; tokenHelp: string; min: number }): PropertyDecorator {
  return checks(
    ...textChecks(options.min === 0),
    {
      code: 'format',
      describe: `must list ${options.tokenHelp}, separated by ;`,
      fails: (v) => asText(v) !== null && !listOf(v).every(options.token),
    },
    {
      code: 'too_few',
      describe: `must list at least ${options.min}`,
      fails: (v) => asText(v) !== null && listOf(v).length < options.min,
    },
  );
}

/** A JSON boolean or null (missing counts as null). */
export const IsNullableBoolean = (): PropertyDecorator =>
  checks({ code: 'type', describe: 'must be true, false or null', fails: (v) => v !== undefined && v !== null && typeof v !== 'boolean' });

/** A check that depends on other fields of the row (e.g. a case's kind), or on who made it. */
export function RowCheck<R extends ContractRow>(
  code: string,
  describe: Check['describe'],
  fails: (value: unknown, row: R) => boolean,
  expected?: Check['expected'],
): PropertyDecorator {
  return checks({ code, describe, fails: (v, row) => fails(v, row as R), expected });
}

export { asText };
