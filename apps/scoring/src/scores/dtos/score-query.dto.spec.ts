import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreditCodeParam } from '@tianping/common';
import { ScoreListQuery } from './score-query.dto';

describe('credit codes in score queries', () => {
  it('are read as typed: lower case, full-width, with blanks, in one list', () => {
    const query = plainToInstance(ScoreListQuery, { codes: '91440604ma4uj8k20c, ９１４４０６０５ＭＡ５２ＴＱ０Ｌ３２,9244 0604 MA4W 7Y8H 1R' });
    expect(validateSync(query)).toEqual([]);
    expect(query.codes).toEqual(['91440604MA4UJ8K20C', '91440605MA52TQ0L32', '92440604MA4W7Y8H1R']);
    const param = plainToInstance(CreditCodeParam, { creditCode: '　９１４４０６０４ｍａ４ｕｊ８ｋ２０ｃ' });
    expect(validateSync(param)).toEqual([]);
    expect(param.creditCode).toBe('91440604MA4UJ8K20C');
  });

  it('are still refused when they are not 18 letters and digits', () => {
    expect(validateSync(plainToInstance(ScoreListQuery, { codes: '91440604MA4UJ8K20C,91440604-MA4UJ8K20' }))).toHaveLength(1);
    expect(validateSync(plainToInstance(CreditCodeParam, { creditCode: '91440604MA4UJ8K2' }))).toHaveLength(1);
  });
});
