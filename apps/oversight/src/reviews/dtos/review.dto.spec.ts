import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppealQuery, FileAppealDto } from './review.dto';

const CODE = '91350100M000100Y43';
/** As a Chinese input method types it: full-width letters and digits. */
const fullWidth = (text: string) => [...text].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
const codeErrors = (errors: ReturnType<typeof validateSync>) => errors.filter((e) => e.property === 'creditCode');

describe('credit codes in appeals, read as people type them', () => {
  it.each([CODE, CODE.toLowerCase(), fullWidth(CODE), ` ${fullWidth(CODE.toLowerCase())} `])('files an appeal for %s under the code itself', (typed) => {
    const appeal = plainToInstance(FileAppealDto, { creditCode: typed, grounds: 'the inspection record is not ours' });
    expect(codeErrors(validateSync(appeal))).toEqual([]);
    expect(appeal.creditCode).toBe(CODE);
    const query = plainToInstance(AppealQuery, { creditCode: typed });
    expect(validateSync(query)).toEqual([]);
    expect(query.creditCode).toBe(CODE);
  });

  it('still refuses a code whose check character is wrong', () => {
    const appeal = plainToInstance(FileAppealDto, { creditCode: `${CODE.slice(0, 17)}0`, grounds: 'the inspection record is not ours' });
    expect(codeErrors(validateSync(appeal))).toHaveLength(1);
  });
});
