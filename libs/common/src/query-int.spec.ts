import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { QueryInt } from './query-int';

class Query {
  @IsOptional() @QueryInt(1, 500) limit?: number;
  @IsOptional() @QueryInt(0) after?: number;
}

function read(values: Record<string, unknown>): { query: Query; errors: string[] } {
  const query = plainToInstance(Query, values);
  const errors = validateSync(query).flatMap((e) => Object.values(e.constraints ?? {}));
  return { query, errors };
}

describe('QueryInt', () => {
  it('reads plain decimal digits as a number', () => {
    expect(read({ limit: '20', after: '0' })).toEqual({ query: Object.assign(new Query(), { limit: 20, after: 0 }), errors: [] });
    expect(read({ limit: '007' }).query.limit).toBe(7);
  });

  it('refuses hexadecimal, exponents, blanks, signs and decimals with one message, not reading them as numbers', () => {
    for (const text of ['0x10', '1e2', '', ' 12', '12 ', '1.5', '+3', 'Infinity', '１２']) {
      const { query, errors } = read({ limit: text });
      expect({ text, limit: query.limit, errors }).toEqual({ text, limit: text, errors: ['limit must be a whole number from 1 to 500'] });
    }
  });

  it('refuses a number outside the range, and one too large to be exact', () => {
    expect(read({ limit: '0' }).errors).toEqual(['limit must be a whole number from 1 to 500']);
    expect(read({ limit: '501' }).errors).toEqual(['limit must be a whole number from 1 to 500']);
    expect(read({ after: '-1' }).errors).toEqual(['after must be a whole number at least 0']);
    expect(read({ after: '9007199254740993' }).errors).toEqual(['after must be a whole number at least 0']);
    expect(read({ after: '9007199254740991' }).errors).toEqual([]);
  });

  it('refuses a repeated parameter, which a query gives as a list', () => {
    expect(read({ limit: ['1', '2'] }).errors).toEqual(['limit must be a whole number from 1 to 500']);
  });
});
